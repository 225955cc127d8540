package koppel.order.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BindingStore;
import koppel.order.port.BindingStore.Binding;
import koppel.order.port.BindingStore.BindingKind;
import koppel.order.port.ClusterLock;
import koppel.order.port.EventLog;
import org.springframework.stereotype.Component;

/**
 * Sales orders only: when the goods go somewhere else than the billing address, the order gets a
 * delivery address of its own — an Exact address (type 4, delivery) of the debtor, found among the
 * debtor's addresses or created, under the cluster lock, and bound at once.
 */
@Component
class AddressStep {

  private final AccountingSystem accounting;
  private final BindingStore bindings;
  private final ClusterLock lock;
  private final EventLog events;
  private final Clock clock;

  AddressStep(
      AccountingSystem accounting,
      BindingStore bindings,
      ClusterLock lock,
      EventLog events,
      Clock clock) {
    this.accounting = accounting;
    this.bindings = bindings;
    this.lock = lock;
    this.events = events;
    this.clock = clock;
  }

  /** The delivery address's id, or null when the order ships to its billing address. */
  UUID resolve(OrderKey key, String division, UUID customerId, ShopOrder order) {
    ShopOrder.Address to = order.shippingAddress();
    if (to == null || same(to, order.billingAddress())) {
      return null;
    }
    AccountingSystem.Address wanted =
        new AccountingSystem.Address(
            null,
            customerId,
            to.streetLine(),
            blank(to.zipcode()),
            blank(to.city()),
            to.countryCode() == null ? null : to.countryCode().toUpperCase(Locale.ROOT));
    String bindingKey = customerId + "|" + normal(wanted);
    Optional<Binding> bound =
        bindings.find(key.integrationId(), division, BindingKind.ADDRESS, bindingKey);
    if (bound.isPresent()) {
      return bound.get().exactId();
    }
    return lock.exclusively(
        ClusterLock.ANY_INTEGRATION,
        List.of("address:" + division + ":" + bindingKey),
        () ->
            bindings
                .find(key.integrationId(), division, BindingKind.ADDRESS, bindingKey)
                .orElseGet(() -> findOrCreate(key, division, wanted, bindingKey))
                .exactId());
  }

  private Binding findOrCreate(
      OrderKey key, String division, AccountingSystem.Address wanted, String bindingKey) {
    AccountingSystem.Address address =
        accounting.findDeliveryAddresses(key.integrationId(), division, wanted.accountId()).stream()
            .filter(a -> normal(a).equals(normal(wanted)))
            .findFirst()
            .orElseGet(
                () -> {
                  AccountingSystem.Address created =
                      accounting.createDeliveryAddress(key.integrationId(), division, wanted);
                  events.record(
                      key,
                      "ADDRESS",
                      "Delivery address "
                          + wanted.line1()
                          + ", "
                          + wanted.postcode()
                          + " "
                          + wanted.city()
                          + " "
                          + wanted.country()
                          + " added to the debtor in Exact Online",
                      clock.instant());
                  return created;
                });
    return bindings.bind(
        key.integrationId(),
        division,
        BindingKind.ADDRESS,
        bindingKey,
        new Binding(address.id(), null, null));
  }

  static boolean same(ShopOrder.Address a, ShopOrder.Address b) {
    if (b == null) {
      return false;
    }
    return Objects.equals(norm(a.streetLine()), norm(b.streetLine()))
        && Objects.equals(norm(a.zipcode()), norm(b.zipcode()))
        && Objects.equals(norm(a.city()), norm(b.city()))
        && Objects.equals(norm(a.countryCode()), norm(b.countryCode()));
  }

  private static String normal(AccountingSystem.Address a) {
    return String.join("|", norm(a.line1()), norm(a.postcode()), norm(a.city()), norm(a.country()));
  }

  private static String norm(String s) {
    return s == null ? "" : s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
