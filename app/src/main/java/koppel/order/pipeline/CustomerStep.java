package koppel.order.pipeline;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import koppel.integration.IntegrationSettings;
import koppel.integration.IntegrationStore;
import koppel.integration.PaymentMethodDebtor;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.port.AccountingMirror;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BindingStore;
import koppel.order.port.BindingStore.Binding;
import koppel.order.port.BindingStore.BindingKind;
import koppel.order.port.ClusterLock;
import koppel.order.port.EventLog;
import koppel.order.port.NewCustomer;
import koppel.vat.VatNumberCheck;
import koppel.vat.VatSituation;
import org.springframework.stereotype.Component;

/**
 * Step 1: the debtor. In order of precedence: the fixed debtor of the order's payment method (never
 * for ICP orders); for a guest without an e-mail address, the configured fallback debtor (or a
 * clear failure — never a guess on name and postcode); otherwise the debtor with the order's e-mail
 * address: bound before → that one; else, under the cluster lock of that e-mail address in the
 * division (held across integrations: two shops may book into one division), found in Koppel's
 * current copy of the division's accounts (or, when the copy is not current, looked up in Exact)
 * and bound, or created, put in the copy and bound at once. Koppel creates debtors but never
 * changes them. An ICP order's debtor must carry the VAT number that was checked, because Exact
 * takes the ICP listing from the account.
 */
@Component
class CustomerStep {

  private final AccountingSystem accounting;
  private final AccountingMirror mirror;
  private final BindingStore bindings;
  private final IntegrationStore integrations;
  private final ClusterLock lock;
  private final EventLog events;
  private final Clock clock;

  CustomerStep(
      AccountingSystem accounting,
      AccountingMirror mirror,
      BindingStore bindings,
      IntegrationStore integrations,
      ClusterLock lock,
      EventLog events,
      Clock clock) {
    this.accounting = accounting;
    this.mirror = mirror;
    this.bindings = bindings;
    this.integrations = integrations;
    this.lock = lock;
    this.events = events;
    this.clock = clock;
  }

  /** The debtor's id in Exact. */
  UUID resolve(
      OrderKey key,
      String division,
      ShopOrder order,
      IntegrationSettings settings,
      VatSituation situation) {
    boolean icp = situation.kind() == VatSituation.Kind.ICP;
    if (!icp) {
      Optional<PaymentMethodDebtor> fixed = fixedDebtor(key, order);
      if (fixed.isPresent()) {
        record(
            key,
            "Booked on the fixed debtor "
                + name(fixed.get().accountName(), fixed.get().accountId())
                + " of payment method "
                + order.paymentMethod().code());
        return fixed.get().accountId();
      }
    }
    String email = email(order);
    if (email == null) {
      if (icp || settings.fallbackDebtorId() == null) {
        throw new BookingFailure.Permanent(BookingErrors.customerEmailMissing(icp));
      }
      record(
          key,
          "No e-mail address (guest order): booked on the fallback debtor "
              + name(settings.fallbackDebtorName(), settings.fallbackDebtorId()));
      return settings.fallbackDebtorId();
    }
    Binding debtor =
        bindings
            .find(key.integrationId(), division, BindingKind.CUSTOMER, email)
            .orElseGet(
                () ->
                    lock.exclusively(
                        ClusterLock.ANY_INTEGRATION,
                        List.of("customer:" + division + ":" + email),
                        () -> findOrCreate(key, division, order, email, settings, situation)));
    if (icp) {
      checkIcpVatNumber(key, division, debtor, situation);
    }
    return debtor.exactId();
  }

  /** Who the document would be booked on, found without creating or binding anything. */
  record Debtor(UUID id, String code, String name, String createdFor) {}

  /**
   * The dry run of {@link #resolve}: the fixed, fallback, bound or found debtor, or the new debtor
   * that would be created ({@code id} null, {@code createdFor} its e-mail address). Reads only.
   */
  Debtor lookUpOnly(
      UUID integrationId,
      String division,
      ShopOrder order,
      IntegrationSettings settings,
      VatSituation situation) {
    boolean icp = situation.kind() == VatSituation.Kind.ICP;
    if (!icp) {
      Optional<PaymentMethodDebtor> fixed = fixedDebtor(new OrderKey(integrationId, 0), order);
      if (fixed.isPresent()) {
        return new Debtor(
            fixed.get().accountId(), fixed.get().accountCode(), fixed.get().accountName(), null);
      }
    }
    String email = email(order);
    if (email == null) {
      if (icp || settings.fallbackDebtorId() == null) {
        throw new BookingFailure.Permanent(BookingErrors.customerEmailMissing(icp));
      }
      return new Debtor(
          settings.fallbackDebtorId(),
          settings.fallbackDebtorCode(),
          settings.fallbackDebtorName(),
          null);
    }
    Optional<Binding> bound = bindings.find(integrationId, division, BindingKind.CUSTOMER, email);
    if (bound.isPresent()) {
      String name =
          accounting
              .findAccount(integrationId, division, bound.get().exactId())
              .map(AccountingSystem.Account::name)
              .orElse(null);
      return new Debtor(bound.get().exactId(), bound.get().code(), name, null);
    }
    return accountsWith(integrationId, division, email, order).stream()
        .filter(a -> a.email() != null && a.email().trim().equalsIgnoreCase(email))
        .sorted(
            Comparator.comparing((AccountingSystem.Account a) -> !a.customer())
                .thenComparing(a -> a.code() == null ? "" : a.code().trim()))
        .findFirst()
        .map(a -> new Debtor(a.id(), a.code(), a.name(), null))
        .orElseGet(
            () ->
                new Debtor(
                    null, null, newCustomer(order, email, settings, situation).name(), email));
  }

  private Binding findOrCreate(
      OrderKey key,
      String division,
      ShopOrder order,
      String email,
      IntegrationSettings settings,
      VatSituation situation) {
    Optional<Binding> boundMeanwhile =
        bindings.find(key.integrationId(), division, BindingKind.CUSTOMER, email);
    if (boundMeanwhile.isPresent()) {
      return boundMeanwhile.get();
    }
    List<AccountingSystem.Account> found =
        accountsWith(key.integrationId(), division, email, order).stream()
            .filter(a -> a.email() != null && a.email().trim().equalsIgnoreCase(email))
            .sorted(
                Comparator.comparing((AccountingSystem.Account a) -> !a.customer())
                    .thenComparing(a -> a.code() == null ? "" : a.code().trim()))
            .toList();
    AccountingSystem.Account account;
    if (!found.isEmpty()) {
      account = found.get(0);
      record(
          key,
          "Debtor "
              + name(account.name(), account.id())
              + " found in Exact Online by e-mail address "
              + email
              + (found.size() > 1
                  ? " (" + found.size() + " debtors have it; the first taken)"
                  : ""));
    } else {
      account =
          accounting.createAccount(
              key.integrationId(), division, newCustomer(order, email, settings, situation));
      mirror.created(division, account);
      record(
          key,
          "Created debtor "
              + name(account.name(), account.id())
              + (account.code() == null ? "" : " (" + account.code().trim() + ")")
              + " in Exact Online for "
              + email);
    }
    return bindings.bind(
        key.integrationId(),
        division,
        BindingKind.CUSTOMER,
        email,
        new Binding(account.id(), account.code(), blankToNull(account.vatNumber())));
  }

  /**
   * The accounts with this e-mail address: from Koppel's copy of the division when it is current,
   * else asked of Exact (as typed and lower-cased: Exact may compare strings case-sensitively).
   */
  private List<AccountingSystem.Account> accountsWith(
      UUID integrationId, String division, String email, ShopOrder order) {
    Set<String> asked = new LinkedHashSet<>(List.of(email, order.customer().email().trim()));
    return mirror
        .accountsByEmail(integrationId, division, asked)
        .orElseGet(() -> accounting.findAccountsByEmail(integrationId, division, asked));
  }

  /** The debtor of an ICP order must carry the number VIES checked; else a human decides. */
  private void checkIcpVatNumber(
      OrderKey key, String division, Binding debtor, VatSituation situation) {
    String vatNumber = debtor.vatNumber();
    if (vatNumber == null) {
      // bound before Koppel kept the number: read it from Exact
      vatNumber =
          accounting
              .findAccount(key.integrationId(), division, debtor.exactId())
              .map(AccountingSystem.Account::vatNumber)
              .orElse(null);
    }
    String checked = situation.vatNumber();
    String prefix = checked == null || checked.length() < 2 ? null : checked.substring(0, 2);
    String onDebtor =
        vatNumber == null || vatNumber.isBlank()
            ? null
            : VatNumberCheck.check(vatNumber, prefix).normalised();
    if (onDebtor == null || !onDebtor.equalsIgnoreCase(checked)) {
      throw new BookingFailure.Permanent(
          BookingErrors.icpDebtorVatNumber(
              debtor.code() == null ? debtor.exactId().toString() : debtor.code().trim(),
              vatNumber,
              checked));
    }
  }

  private Optional<PaymentMethodDebtor> fixedDebtor(OrderKey key, ShopOrder order) {
    if (order.paymentMethod() == null || order.paymentMethod().code() == null) {
      return Optional.empty();
    }
    String code = order.paymentMethod().code();
    return integrations.paymentMethodDebtors(key.integrationId()).stream()
        .filter(d -> d.paymentMethodCode().equalsIgnoreCase(code))
        .findFirst();
  }

  /** The binding key: the e-mail address, trimmed and in lower case; null for guests. */
  static String email(ShopOrder order) {
    if (order.customer() == null || order.customer().email() == null) {
      return null;
    }
    String email = order.customer().email().trim().toLowerCase(Locale.ROOT);
    return email.isEmpty() ? null : email;
  }

  private static NewCustomer newCustomer(
      ShopOrder order, String email, IntegrationSettings settings, VatSituation situation) {
    ShopOrder.Customer c = order.customer();
    ShopOrder.Address a = order.billingAddress();
    String name = c == null ? "" : c.displayName();
    if (name.isBlank() && a != null && a.name() != null) {
      name = a.name();
    }
    boolean company = c != null && c.isCompany();
    // an ICP debtor gets the number VIES checked, in the form Exact's ICP listing needs
    String vatNumber =
        situation.kind() == VatSituation.Kind.ICP
            ? situation.vatNumber()
            : company ? blankToNull(c.vatNumber()) : null;
    return new NewCustomer(
        name.isBlank() ? "KMO Shops customer" : name,
        email,
        c == null ? null : c.phone(),
        a == null ? null : a.streetLine(),
        a == null ? null : a.zipcode(),
        a == null ? null : a.city(),
        a == null ? null : a.countryCode(),
        order.language() == null ? null : order.language().toUpperCase(Locale.ROOT),
        vatNumber,
        company ? blankToNull(c.companyNumber()) : null,
        settings.paymentCondition());
  }

  private void record(OrderKey key, String message) {
    events.record(key, "CUSTOMER", message, clock.instant());
  }

  private static String name(String name, UUID id) {
    return name == null || name.isBlank() ? id.toString() : name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
