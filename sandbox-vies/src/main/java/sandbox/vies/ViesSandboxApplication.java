package sandbox.vies;

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
 * A local VIES: the REST contract "Vies on-the-Web" ({@code /taxation_customs/vies/rest-api}) with
 * a configurable registry of valid numbers, VIES's fixed test service, the member states' status,
 * and an admin API to register numbers and switch on outages. Runs on its own ({@code java -jar
 * koppel-sandbox-vies-exec.jar}) or inside another JVM via {@link #start(Map)}; it never needs a
 * database.
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
@EnableConfigurationProperties(ViesSandboxProperties.class)
public class ViesSandboxApplication {

  public static final String CONFIG_NAME = "sandbox-vies";

  /** Where the official service lives under its host; a client's base URL ends with it. */
  public static final String BASE_PATH = "/taxation_customs/vies/rest-api";

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(ViesSandboxApplication.class);
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
    return new SpringApplicationBuilder(ViesSandboxApplication.class)
        .properties(Map.of("spring.config.name", CONFIG_NAME))
        .run(args);
  }
}
