package koppel.order.pipeline;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.IntegrationSettings;
import koppel.order.domain.ShopOrder;
import koppel.order.port.AccountingRef;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BindingStore;
import koppel.order.port.BindingStore.BindingKind;
import koppel.order.port.MasterDataLock;
import koppel.order.port.NewCustomer;
import org.springframework.stereotype.Component;

/**
 * Step 1: the debtor. Known binding → use it; else look up by e-mail in Exact Online; else create
 * it and bind at once. Koppel creates debtors but never changes them.
 */
@Component
class CustomerStep {

  private final AccountingSystem accounting;
  private final BindingStore bindings;
  private final MasterDataLock lock;

  CustomerStep(AccountingSystem accounting, BindingStore bindings, MasterDataLock lock) {
    this.accounting = accounting;
    this.bindings = bindings;
    this.lock = lock;
  }

  AccountingRef resolve(UUID integrationId, ShopOrder order, IntegrationSettings settings) {
    String key = bindingKey(order);
    Optional<AccountingRef> bound = bindings.find(integrationId, BindingKind.CUSTOMER, key);
    if (bound.isPresent()) {
      return bound.get();
    }
    String email = email(order);
    Optional<AccountingRef> existing =
        email == null ? Optional.empty() : accounting.findCustomerByEmail(integrationId, email);
    AccountingRef ref =
        existing.orElseGet(
            () -> accounting.createCustomer(integrationId, newCustomer(order, settings)));
    return bindings.bind(integrationId, BindingKind.CUSTOMER, key, ref);
  }

  /** E-mail in lower case; guests without e-mail are matched on name and address instead. */
  static String bindingKey(ShopOrder order) {
    String email = email(order);
    if (email != null) {
      return email;
    }
    ShopOrder.Address a = order.billingAddress();
    String name = order.customer() == null ? "" : order.customer().displayName();
    return ("guest:" + name + "|" + (a == null ? "" : a.zipcode() + "|" + a.countryCode()))
        .toLowerCase(Locale.ROOT);
  }

  private static String email(ShopOrder order) {
    if (order.customer() == null || order.customer().email() == null) {
      return null;
    }
    String email = order.customer().email().trim().toLowerCase(Locale.ROOT);
    return email.isEmpty() ? null : email;
  }

  private static NewCustomer newCustomer(ShopOrder order, IntegrationSettings settings) {
    ShopOrder.Customer c = order.customer();
    ShopOrder.Address a = order.billingAddress();
    String name = c == null ? "" : c.displayName();
    if (name.isBlank() && a != null && a.name() != null) {
      name = a.name();
    }
    return new NewCustomer(
        name.isBlank() ? "KMO Shops customer" : name,
        email(order),
        c == null ? null : c.phone(),
        a == null ? null : a.streetLine(),
        a == null ? null : a.zipcode(),
        a == null ? null : a.city(),
        a == null ? null : a.countryCode(),
        order.language() == null ? null : order.language().toUpperCase(Locale.ROOT),
        c == null || !c.isCompany() ? null : c.vatNumber(),
        c == null || !c.isCompany() ? null : c.companyNumber(),
        settings.paymentCondition());
  }
}
