package koppel.config;

import java.time.Clock;
import koppel.connector.exact.ExactAccountingSystem;
import koppel.connector.exact.ExactSettings;
import koppel.connector.kmoshops.KmoShopsSettings;
import koppel.connector.kmoshops.KmoShopsShopSystem;
import koppel.connector.kmoshops.KmoShopsWebhooks;
import koppel.order.port.ConnectionStore;
import koppel.order.port.OrderIntake;
import koppel.order.port.WebhookDeliveries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the two connectors with their settings; they know base URLs, never each other. */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {

  @Bean
  ExactSettings exactSettings(KoppelProperties p) {
    return ExactSettings.of(
        p.exact().clientId(),
        p.exact().clientSecret(),
        p.exact().connectTimeout(),
        p.exact().requestTimeout());
  }

  @Bean
  ExactAccountingSystem exactAccountingSystem(
      ExactSettings settings, ConnectionStore connections, Clock clock) {
    return new ExactAccountingSystem(settings, connections, clock);
  }

  @Bean
  KmoShopsSettings kmoShopsSettings(KoppelProperties p) {
    return new KmoShopsSettings(
        p.kmoshops().clientId(),
        p.kmoshops().clientSecret(),
        p.kmoshops().connectTimeout(),
        p.kmoshops().requestTimeout(),
        p.kmoshops().webhookTolerance());
  }

  @Bean
  KmoShopsShopSystem kmoShopsShopSystem(
      KmoShopsSettings settings, ConnectionStore connections, Clock clock) {
    return new KmoShopsShopSystem(settings, connections, clock);
  }

  @Bean
  KmoShopsWebhooks kmoShopsWebhooks(
      ConnectionStore connections,
      WebhookDeliveries deliveries,
      OrderIntake intake,
      KmoShopsSettings settings,
      Clock clock) {
    return new KmoShopsWebhooks(connections, deliveries, intake, settings, clock);
  }
}
