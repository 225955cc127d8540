package koppel.config;

import java.security.SecureRandom;
import java.util.HexFormat;
import koppel.integration.LoginStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

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
  UserDetailsService users(LoginStore logins, KoppelProperties p, PasswordEncoder encoder) {
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
      return logins
          .passwordHash(username)
          .map(hash -> User.withUsername(username).password(hash).roles("MERCHANT").build())
          .orElseThrow(() -> new UsernameNotFoundException(username));
    };
  }

  /**
   * Requests that prove who they are without the session cookie: webhooks (their signature) and API
   * calls with an Authorization header (a browser never adds one by itself to a request another
   * site makes, and Koppel allows no cross-origin calls). Everything else that changes state —
   * dashboard forms, htmx, the JSON API called with the session cookie — needs the CSRF token.
   */
  static final RequestMatcher NO_CSRF_NEEDED =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"),
          request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null);

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/webhooks/**",
                        "/actuator/health/**",
                        "/actuator/health",
                        "/login",
                        "/signup",
                        "/signup/**",
                        "/password/**",
                        "/koppel/**",
                        "/webjars/**",
                        "/api-docs",
                        "/swagger-ui/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    .requestMatchers("/api/operator/**", "/actuator/**")
                    .hasRole("OPERATOR")
                    .anyRequest()
                    .authenticated())
        .csrf(c -> c.ignoringRequestMatchers(NO_CSRF_NEEDED))
        // a scraper (Prometheus) without credentials gets 401, not a redirect to the login page
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    actuatorEntryPoint(),
                    PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
        .httpBasic(Customizer.withDefaults())
        // after logging in, the page asked for before (e.g. Exact's connect callback) goes on
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/dashboard", false).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"));
    return http.build();
  }

  private static BasicAuthenticationEntryPoint actuatorEntryPoint() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Koppel");
    return basic;
  }
}
