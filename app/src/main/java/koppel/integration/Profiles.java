package koppel.integration;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import koppel.order.domain.OrderKey;
import koppel.order.domain.WaitReason;
import koppel.order.port.OrderIntake;
import koppel.order.port.OrderSyncStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the merchant changes on the Profile tab: the extra e-mail address for notifications, the
 * language of the e-mails, and stopping and starting the integration. Stopping deletes nothing: new
 * orders wait as OPEN (reason {@link WaitReason#INTEGRATION_STOPPED}); starting again queues them.
 */
@Service
public class Profiles {

  private static final Logger log = LoggerFactory.getLogger(Profiles.class);

  /** Something before an @, a domain with at least one dot, no spaces: what a mail server takes. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+$");

  private final IntegrationStore integrations;
  private final LoginStore logins;
  private final OrderSyncStore orders;
  private final OrderIntake intake;

  Profiles(
      IntegrationStore integrations, LoginStore logins, OrderSyncStore orders, OrderIntake intake) {
    this.integrations = integrations;
    this.logins = logins;
    this.orders = orders;
    this.intake = intake;
  }

  /** A value the merchant typed that cannot be used; {@code code} names the message. */
  public static final class InvalidInput extends IllegalArgumentException {
    private final String code;

    public InvalidInput(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Sets (or, when blank, removes) the extra address notifications go to; returns it. */
  public String setNotificationEmail(UUID integrationId, String email) {
    String value = email == null ? "" : email.trim();
    if (value.isEmpty()) {
      integrations.setNotificationEmail(integrationId, null);
      return null;
    }
    if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
      throw new InvalidInput(
          "PROFILE_EMAIL_INVALID", "'" + value + "' is not an e-mail address, e.g. name@shop.be.");
    }
    integrations.setNotificationEmail(integrationId, value);
    return value;
  }

  /** The language of the login's e-mails (nl or en). */
  public void setLanguage(UUID loginId, String language) {
    String l = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
    if (!l.equals("nl") && !l.equals("en")) {
      throw new InvalidInput("PROFILE_LANGUAGE_INVALID", "Choose nl or en.");
    }
    logins.setLanguage(loginId, l);
  }

  /** Stops booking: nothing is deleted; new and queued orders wait as OPEN. */
  public void stop(UUID integrationId) {
    integrations.setState(integrationId, Integration.State.STOPPED);
    log.info("integration={} stopped by the merchant", integrationId);
  }

  /** Starts booking again and queues the orders that waited because it was stopped. */
  public int start(UUID integrationId) {
    integrations.setState(integrationId, Integration.State.ACTIVE);
    int queued = 0;
    for (OrderKey key : orders.openWith(integrationId, WaitReason.INTEGRATION_STOPPED)) {
      if (intake.orderChanged(integrationId, key.shopOrderId(), "integration started")) {
        queued++;
      }
    }
    log.info("integration={} started again, {} waiting orders queued", integrationId, queued);
    return queued;
  }
}
