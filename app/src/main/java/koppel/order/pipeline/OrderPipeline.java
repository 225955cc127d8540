package koppel.order.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationSettings;
import koppel.integration.IntegrationStore;
import koppel.jobs.BookingFailure;
import koppel.jobs.RetryPolicy;
import koppel.order.domain.BookingError;
import koppel.order.domain.BookingMode;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.domain.SyncState;
import koppel.order.domain.WaitReason;
import koppel.order.port.AccountingRef;
import koppel.order.port.BookOrder;
import koppel.order.port.BookedDocument;
import koppel.order.port.DocumentDraft;
import koppel.order.port.EventLog;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.NewItem;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import koppel.order.port.ShopSystem;
import koppel.vat.VatSituation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * One attempt at one order, as a fixed template: read → must skip or wait? → already done? → checks
 * → customer → products → document → mark booked. Every outcome is recorded in order_sync and the
 * order's history; the return value tells the queue whether to come back.
 */
@Service
public class OrderPipeline implements BookOrder {

  private static final Logger log = LoggerFactory.getLogger(OrderPipeline.class);

  private final OrderSyncStore orders;
  private final IntegrationStore integrations;
  private final ShopSystem shop;
  private final CustomerStep customers;
  private final ProductsStep products;
  private final DocumentStep documents;
  private final VatStep vatStep;
  private final MarkBooked markBooked;
  private final EventLog events;
  private final RetryPolicy retryPolicy;
  private final Clock clock;

  OrderPipeline(
      OrderSyncStore orders,
      IntegrationStore integrations,
      ShopSystem shop,
      CustomerStep customers,
      ProductsStep products,
      DocumentStep documents,
      VatStep vatStep,
      MarkBooked markBooked,
      EventLog events,
      RetryPolicy retryPolicy,
      Clock clock) {
    this.orders = orders;
    this.integrations = integrations;
    this.shop = shop;
    this.customers = customers;
    this.products = products;
    this.documents = documents;
    this.vatStep = vatStep;
    this.markBooked = markBooked;
    this.events = events;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
  }

  @Override
  public Result attempt(OrderKey key) {
    MDC.put("integration", key.integrationId().toString());
    MDC.put("order", Long.toString(key.shopOrderId()));
    try {
      return run(key);
    } finally {
      MDC.remove("integration");
      MDC.remove("order");
    }
  }

  private Result run(OrderKey key) {
    Optional<OrderSync> sync = orders.find(key);
    if (sync.isEmpty() || sync.get().state().isFinal()) {
      return new Done("nothing to do");
    }
    Integration integration = integrations.find(key.integrationId()).orElse(null);
    if (integration == null || integration.isStopped()) {
      orders.markOpen(
          key, WaitReason.INTEGRATION_STOPPED, "The integration is stopped", clock.instant());
      return new Done("integration stopped");
    }
    boolean earlierWriteMayExist = sync.get().state() == SyncState.BOOKING;
    int attempts = orders.startAttempt(key, clock.instant()).orElse(0);
    try {
      ShopOrder order = fetch(key);
      BookedDocument document =
          book(key, integration, order, earlierWriteMayExist, sync.get().imported());
      if (document == null) {
        return new Done("not bookable now");
      }
      markBooked.apply(key, document);
      log.info(
          "integration={} order={} booked as {} {}",
          key.integrationId(),
          order.number(),
          document.mode().documentType(),
          document.id());
      return new Done("booked");
    } catch (BookingFailure.NothingToDo nothing) {
      log.info(
          "integration={} order={} nothing to do: {}",
          key.integrationId(),
          key.shopOrderId(),
          nothing.getMessage());
      return new Done(nothing.getMessage());
    } catch (BookingFailure.Permanent failed) {
      return fail(key, failed.error());
    } catch (BookingFailure.Retryable retry) {
      return retry(key, retry, attempts);
    }
  }

  private ShopOrder fetch(OrderKey key) {
    try {
      ShopOrder order = shop.fetchOrder(key.integrationId(), key.shopOrderId());
      orders.updateFacts(key, order, clock.instant());
      return order;
    } catch (ExternalSystemException e) {
      throw FailureTranslator.fromShop(e, key.shopOrderId(), clock.instant());
    }
  }

  /** Books the order, or records why not (open, skipped) and returns null. */
  private BookedDocument book(
      OrderKey key,
      Integration integration,
      ShopOrder order,
      boolean earlierWriteMayExist,
      boolean imported) {
    IntegrationSettings settings = integrations.settings(key.integrationId());
    Processability.Decision decision =
        Processability.decide(order, integration, settings, imported);
    if (!(decision instanceof Processability.Book)) {
      if (earlierWriteMayExist) {
        Optional<BookedDocument> earlier = findEarlier(key, settings.bookingMode(), order);
        if (earlier.isPresent()) {
          return earlier.get();
        }
      }
      if (decision instanceof Processability.Skip skip) {
        orders.markSkipped(key, skip.code(), skip.reason(), clock.instant());
        events.record(key, "SKIPPED", skip.reason(), clock.instant());
      } else if (decision instanceof Processability.Wait wait) {
        orders.markOpen(key, wait.code(), wait.reason(), clock.instant());
        events.record(key, "OPEN", wait.reason(), clock.instant());
      }
      return null;
    }
    BookingMode mode = settings.bookingMode();
    VatSituation situation = vatStep.situation(order, integration.shopCountry());
    events.record(
        key,
        "VAT",
        situation.kind() + ": " + String.join("; ", situation.reasons()),
        clock.instant());
    situation
        .warnings()
        .forEach(w -> events.record(key, "VAT", w.code() + ": " + w.message(), clock.instant()));
    VatResolver vat =
        new VatResolver(
            integrations.vatMappings(key.integrationId()),
            situation,
            mode == BookingMode.SALES_ENTRY
                || (mode == BookingMode.SALES_INVOICE && !settings.ledgerMappingDisabled()));
    PreChecks.check(order, vat);
    List<NewItem> neededItems =
        mode == BookingMode.SALES_ENTRY
            ? List.of()
            : DocumentMapper.neededItems(order, settings, vat);
    String step = "customer";
    try {
      AccountingRef customer = customers.resolve(key.integrationId(), order, settings);
      step = "products";
      Map<String, UUID> items = products.resolve(key.integrationId(), neededItems);
      step = mode.documentType();
      DocumentDraft draft = DocumentMapper.map(order, settings, customer.id(), items, vat);
      return documents.book(key, draft, earlierWriteMayExist);
    } catch (ExternalSystemException e) {
      throw FailureTranslator.fromExact(e, step, clock.instant());
    }
  }

  private Optional<BookedDocument> findEarlier(OrderKey key, BookingMode mode, ShopOrder order) {
    try {
      return documents.findEarlier(key, mode, order.number());
    } catch (ExternalSystemException e) {
      throw FailureTranslator.fromExact(e, mode.documentType(), clock.instant());
    }
  }

  private Result fail(OrderKey key, BookingError error) {
    Instant now = clock.instant();
    orders.markFailed(key, error, now);
    events.record(key, "FAILED", error.code() + ": " + error.message(), now);
    log.warn(
        "integration={} order={} failed: {} {}",
        key.integrationId(),
        key.shopOrderId(),
        error.code(),
        error.message());
    return new Done("failed");
  }

  private Result retry(OrderKey key, BookingFailure.Retryable retry, int attempts) {
    Instant now = clock.instant();
    if (retry.countsAsAttempt() && !retryPolicy.mayRetry(attempts) && !retry.outcomeUnknown()) {
      return fail(key, retry.error());
    }
    Instant at = retry.retryAt() != null ? retry.retryAt() : retryPolicy.nextAttempt(attempts, now);
    orders.markRetry(key, at, retry.countsAsAttempt(), retry.outcomeUnknown(), retry.error(), now);
    events.record(
        key,
        "RETRY",
        retry.error().code() + ": " + retry.error().message() + " Next attempt at " + at,
        now);
    log.info(
        "integration={} order={} retry at {}: {}",
        key.integrationId(),
        key.shopOrderId(),
        at,
        retry.error().message());
    return new RetryAt(at);
  }
}
