package sandbox.exact;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * A local Exact Online: OAuth2 as Exact does it, the REST/OData API for the entities a sales
 * integration uses, rate limits, Exact's validation errors, and an admin API for demos and tests.
 * Runs on its own ({@code java -jar koppel-sandbox-exact-exec.jar}) or inside another JVM via
 * {@link #start(Map)}; it never needs a database.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(
    excludeName = {
      // when it runs beside the Koppel app (tests, demo) those libraries are on the classpath
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
      "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerMetricsAutoConfiguration",
      "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerActuatorAutoConfiguration"
    })
@ComponentScan
@EnableConfigurationProperties(ExactSandboxProperties.class)
public class ExactSandboxApplication {

  public static final String CONFIG_NAME = "sandbox-exact";

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(ExactSandboxApplication.class);
    app.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    app.run(args);
  }

  /**
   * Starts the sandbox in this JVM; {@code server.port=0} picks a free port. The properties win
   * over the configuration file, as command-line arguments do.
   */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>();
    all.put("spring.jmx.enabled", false);
    all.putAll(properties);
    String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(ExactSandboxApplication.class)
        .properties(Map.of("spring.config.name", CONFIG_NAME))
        .run(args);
  }
}
