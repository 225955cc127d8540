package koppel.config;

import java.time.Clock;
import koppel.connector.exact.ExactConnector;
import koppel.connector.exact.ExactSettings;
import koppel.connector.kmoshops.KmoShopsAuthorization;
import koppel.connector.kmoshops.KmoShopsSettings;
import koppel.connector.kmoshops.KmoShopsShopSystem;
import koppel.connector.kmoshops.KmoShopsWebhooks;
import koppel.order.port.AccountingAuthorization;
import koppel.order.port.AccountingCallMeter;
import koppel.order.port.AccountingMasterData;
import koppel.order.port.AccountingMirror;
import koppel.order.port.AccountingSystem;
import koppel.order.port.ClusterLock;
import koppel.order.port.ConnectionStore;
import koppel.order.port.IntegrationLifecycle;
import koppel.order.port.MirrorStore;
import koppel.order.port.OrderIntake;
import koppel.order.port.RateLimitStore;
import koppel.order.port.ShopAuthorization;
import koppel.order.port.WebhookDeliveries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the two connectors with their settings; they know base URLs, never each other. */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {

  @Bean
  ExactSettings exactSettings(KoppelProperties p) {
    KoppelProperties.Exact e = p.exact();
    return new ExactSettings(
        e.clientId(),
        e.clientSecret(),
        e.connectTimeout(),
        e.requestTimeout(),
        e.minTokenAge(),
        e.refreshBeforeExpiry(),
        e.minutelyLimit(),
        e.dailyLimit(),
        e.rateLimitMargin(),
        e.minuteReserve(),
        e.importMinuteReserve(),
        e.importDayReserve(),
        e.mirror(),
        e.mirrorFreshFor(),
        e.mirrorRetryAfter());
  }

  @Bean
  ExactConnector exactConnector(
      ExactSettings settings,
      ConnectionStore connections,
      ClusterLock cluster,
      RateLimitStore limits,
      MirrorStore mirror,
      Clock clock,
      ObjectProvider<AccountingCallMeter> meter) {
    return new ExactConnector(
        settings,
        connections,
        cluster,
        limits,
        mirror,
        clock,
        meter.getIfAvailable(() -> AccountingCallMeter.NONE));
  }

  @Bean
  AccountingMirror accountingMirror(ExactConnector exact) {
    return exact.mirror();
  }

  @Bean
  AccountingSystem accountingSystem(ExactConnector exact) {
    return exact.accounting();
  }

  @Bean
  AccountingAuthorization accountingAuthorization(ExactConnector exact) {
    return exact.authorization();
  }

  @Bean
  AccountingMasterData accountingMasterData(ExactConnector exact) {
    return exact.masterData();
  }

  @Bean
  KmoShopsSettings kmoShopsSettings(KoppelProperties p) {
    return new KmoShopsSettings(
        p.kmoshops().baseUrl(),
        p.kmoshops().clientId(),
        p.kmoshops().clientSecret(),
        p.kmoshops().connectTimeout(),
        p.kmoshops().requestTimeout(),
        p.kmoshops().webhookTolerance());
  }

  @Bean
  KmoShopsShopSystem kmoShopsShopSystem(
      KmoShopsSettings settings, ConnectionStore connections, RateLimitStore limits, Clock clock) {
    return new KmoShopsShopSystem(settings, connections, limits, clock);
  }

  @Bean
  KmoShopsWebhooks kmoShopsWebhooks(
      ConnectionStore connections,
      WebhookDeliveries deliveries,
      OrderIntake intake,
      IntegrationLifecycle lifecycle,
      KmoShopsSettings settings,
      Clock clock) {
    return new KmoShopsWebhooks(connections, deliveries, intake, lifecycle, settings, clock);
  }

  @Bean
  ShopAuthorization shopAuthorization(
      KmoShopsSettings settings, ConnectionStore connections, RateLimitStore limits, Clock clock) {
    return new KmoShopsAuthorization(settings, connections, limits, clock);
  }
}
