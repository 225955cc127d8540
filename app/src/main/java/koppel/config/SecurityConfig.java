package koppel.config;

import java.security.SecureRandom;
import java.util.HexFormat;
import koppel.integration.IntegrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: webhooks and health are public (webhooks prove themselves by signature);
 * merchants log in to the dashboard and API with their integration login; the operator uses the
 * operator API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserDetailsService users(
      IntegrationStore integrations, KoppelProperties p, PasswordEncoder encoder) {
    String operatorPassword = p.operator().password();
    if (operatorPassword == null || operatorPassword.isBlank()) {
      byte[] random = new byte[12];
      new SecureRandom().nextBytes(random);
      operatorPassword = HexFormat.of().formatHex(random);
      log.warn(
          "No koppel.operator.password configured; this run's operator password: {}",
          operatorPassword);
    }
    String operatorUser = p.operator().username();
    String operatorHash = encoder.encode(operatorPassword);
    return username -> {
      if (operatorUser.equals(username)) {
        return User.withUsername(username).password(operatorHash).roles("OPERATOR").build();
      }
      return integrations
          .passwordHash(username)
          .map(hash -> User.withUsername(username).password(hash).roles("MERCHANT").build())
          .orElseThrow(() -> new UsernameNotFoundException(username));
    };
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/webhooks/**",
                        "/actuator/health/**",
                        "/actuator/health",
                        "/login",
                        "/css/**",
                        "/koppel/**",
                        "/error")
                    .permitAll()
                    .requestMatchers("/api/operator/**", "/actuator/**")
                    .hasRole("OPERATOR")
                    .anyRequest()
                    .authenticated())
        .csrf(c -> c.ignoringRequestMatchers("/webhooks/**", "/api/**"))
        .httpBasic(Customizer.withDefaults())
        // after logging in, the page asked for before (e.g. Exact's connect callback) goes on
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/dashboard", false).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"));
    return http.build();
  }
}
