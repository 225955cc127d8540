package koppel.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of Koppel's JSON API (springdoc): served at /v3/api-docs, its page at /api-docs.
 * The API is called with the merchant's login (HTTP Basic), or with the dashboard's session cookie
 * and the CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI koppelOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Koppel API")
                .version("1")
                .description(
                    "Everything the Koppel dashboard does, as JSON: orders (booked, failed, open),"
                        + " processing, imports of a past period, the profile. Log in with your"
                        + " Koppel login and password (HTTP Basic). A merchant only ever sees their"
                        + " own integrations; with several, name one with ?integration=<id>."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "login", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("login"));
  }
}
