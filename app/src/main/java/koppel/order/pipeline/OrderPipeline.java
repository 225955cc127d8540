package koppel.order.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationSettings;
import koppel.integration.IntegrationStore;
import koppel.order.domain.BookingError;
import koppel.order.domain.BookingMode;
import koppel.order.domain.Money;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.domain.WaitReason;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BookOrder;
import koppel.order.port.BookedDocument;
import koppel.order.port.BookingFence;
import koppel.order.port.ClusterLock;
import koppel.order.port.DocumentDraft;
import koppel.order.port.EventLog;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.FoundDocument;
import koppel.order.port.OrderPreview;
import koppel.order.port.OrderSync;
import koppel.order.port.OrderSyncStore;
import koppel.order.port.PreviewOrder;
import koppel.order.port.ShopSystem;
import koppel.vat.VatSituation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * One attempt at one order, as a fixed template: read → must skip or wait? → written before? →
 * checks → customer → products → (delivery address) → document → mark booked. Every outcome is
 * recorded in order_sync and the order's history; the return value tells the queue whether to come
 * back. Nothing escapes: an unexpected exception ends the order as FAILED with INTERNAL_ERROR.
 */
@Service
public class OrderPipeline implements BookOrder, PreviewOrder {

  private static final Logger log = LoggerFactory.getLogger(OrderPipeline.class);

  private final OrderSyncStore orders;
  private final IntegrationStore integrations;
  private final ShopSystem shop;
  private final AccountingSystem accounting;
  private final CustomerStep customers;
  private final ProductsStep products;
  private final AddressStep addresses;
  private final DocumentStep documents;
  private final VatStep vatStep;
  private final MarkBooked markBooked;
  private final EventLog events;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final Duration takeover;

  OrderPipeline(
      OrderSyncStore orders,
      IntegrationStore integrations,
      ShopSystem shop,
      AccountingSystem accounting,
      CustomerStep customers,
      ProductsStep products,
      AddressStep addresses,
      DocumentStep documents,
      VatStep vatStep,
      MarkBooked markBooked,
      EventLog events,
      RetryPolicy retryPolicy,
      Clock clock) {
    this.orders = orders;
    this.integrations = integrations;
    this.shop = shop;
    this.accounting = accounting;
    this.customers = customers;
    this.products = products;
    this.addresses = addresses;
    this.documents = documents;
    this.vatStep = vatStep;
    this.markBooked = markBooked;
    this.events = events;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
    this.takeover = retryPolicy.takeover();
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

  /** Where an attempt is, for the words of a failure and for what a retry must know. */
  private static final class Progress {
    String step = "order";
    boolean writingDocument;
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
    if (!integration.mayRun(clock.instant())) {
      orders.markOpen(
          key,
          WaitReason.SUBSCRIPTION_ENDED,
          "The trial period is over and there is no active subscription",
          clock.instant());
      return new Done("trial over, no subscription");
    }
    OrderSyncStore.AttemptStart start = orders.startAttempt(key, clock.instant(), takeover);
    if (start instanceof OrderSyncStore.Busy busy) {
      return new RetryAt(busy.until());
    }
    if (!(start instanceof OrderSyncStore.Started started)) {
      return new Done("nothing to do");
    }
    Progress progress = new Progress();
    try {
      return book(key, integration, sync.get(), started, progress);
    } catch (BookingFailure.NothingToDo nothing) {
      log.info(
          "integration={} order={} nothing to do: {}",
          key.integrationId(),
          key.shopOrderId(),
          nothing.getMessage());
      return new Done(nothing.getMessage());
    } catch (BookingFailure.Permanent failed) {
      recordAnswer(key, failed.getCause(), "SHOP_ANSWER");
      return fail(key, failed.error());
    } catch (BookingFailure.Retryable retry) {
      if (retry.countsAsAttempt()) {
        recordAnswer(key, retry.getCause(), "SHOP_ANSWER");
      }
      return retry(key, retry, started.attempts(), false);
    } catch (ExternalSystemException e) {
      BookingFailure f = FailureTranslator.fromExact(e, progress.step, clock.instant());
      if (f instanceof BookingFailure.Permanent p) {
        recordAnswer(key, e, "EXACT_ANSWER");
        return fail(key, p.error());
      }
      if (((BookingFailure.Retryable) f).countsAsAttempt()) {
        recordAnswer(key, e, "EXACT_ANSWER");
      }
      return retry(key, (BookingFailure.Retryable) f, started.attempts(), progress.writingDocument);
    } catch (ClusterLock.Timeout e) {
      return retry(
          key,
          new BookingFailure.Retryable(
              BookingErrors.lockBusy(e.getMessage()), null, false, false, e),
          started.attempts(),
          false);
    } catch (RuntimeException unexpected) {
      log.error(
          "integration={} order={} failed unexpectedly at {}",
          key.integrationId(),
          key.shopOrderId(),
          progress.step,
          unexpected);
      return fail(key, BookingErrors.internalError(progress.step, unexpected));
    }
  }

  private Result book(
      OrderKey key,
      Integration integration,
      OrderSync sync,
      OrderSyncStore.Started started,
      Progress progress) {
    ShopOrder order = fetch(key);
    IntegrationSettings settings = integrations.settings(key.integrationId());
    LocalDate date =
        order.createdAt() == null
            ? null
            : order.createdAt().atZoneSameInstant(integration.zone()).toLocalDate();
    Optional<BookingFence> fence = started.fence();
    Processability.Decision decision =
        Processability.decide(order, integration, settings, sync.imported(), date);
    if (!(decision instanceof Processability.Book)) {
      if (fence.isPresent()) {
        Optional<Result> adopted = adoptEarlier(key, fence.get(), order, settings, progress);
        if (adopted.isPresent()) {
          return adopted.get();
        }
      }
      if (decision instanceof Processability.Skip skip) {
        orders.markSkipped(key, skip.code(), skip.reason(), clock.instant());
        events.record(key, "SKIPPED", skip.reason(), clock.instant());
      } else if (decision instanceof Processability.Wait wait) {
        orders.markOpen(key, wait.code(), wait.reason(), clock.instant());
        events.record(key, "OPEN", wait.reason(), clock.instant());
      }
      return new Done("not bookable now");
    }
    if (fence.isPresent()) {
      Optional<Result> adopted = adoptEarlier(key, fence.get(), order, settings, progress);
      if (adopted.isPresent()) {
        return adopted.get();
      }
    }
    progress.step = "order";
    Prepared prepared = prepare(key, integration, order, settings, date, true);
    String division = prepared.division();
    BookingMode mode = settings.bookingMode();
    VatSituation situation = prepared.situation();
    VatResolver vat = prepared.vat();
    boolean reading = prepared.reading();
    DocumentMapper.Plan plan = prepared.plan();

    progress.step = "customer";
    UUID customer = customers.resolve(key, division, order, settings, situation);
    progress.step = "products";
    Map<String, UUID> items = products.resolve(key, division, plan.products());
    UUID deliveryAddress = null;
    if (mode == BookingMode.SALES_ORDER) {
      progress.step = "delivery address";
      deliveryAddress = addresses.resolve(key, division, customer, order);
    }
    UUID address = deliveryAddress;

    progress.step = mode.documentType();
    progress.writingDocument = true;
    BookingFence next =
        new BookingFence(
            UUID.randomUUID(),
            division,
            mode,
            order.number(),
            customer,
            Money.cents(order.totals().totalIncl()));
    boolean learnable =
        mode == BookingMode.SALES_ENTRY
            && settings.vatIncluding()
            && settings.entryAmounts() == IntegrationSettings.EntryAmounts.AUTO;
    DocumentStep.Written written =
        documents.write(
            key,
            fence.map(BookingFence::attemptId).orElse(null),
            next,
            order,
            r -> DocumentMapper.plan(order, settings, vat, date, r).draft(customer, items, address),
            reading,
            learnable,
            (d, value, evidence) ->
                integrations.learnDivisionFact(
                    key.integrationId(),
                    d,
                    DocumentStep.ENTRY_AMOUNTS_FACT,
                    Boolean.toString(value),
                    evidence));
    progress.writingDocument = false;
    if (written instanceof DocumentStep.Differs differs) {
      OrderAmounts.Target paid = OrderAmounts.of(order).total();
      BookingError error =
          BookingErrors.totalsDiffer(
              differs.document(), differs.answer(), paid.incl(), paid.excl());
      orders.markDocumentDiffers(key, next.attemptId(), differs.document(), error, clock.instant());
      events.record(key, "FAILED", error.code() + ": " + error.message(), clock.instant());
      return new Done("written, totals differ");
    }
    BookedDocument document = ((DocumentStep.Booked) written).document();
    return booked(key, next.attemptId(), document, order.number());
  }

  /** The checked order, its VAT situation and the planned document: shared by book and preview. */
  private record Prepared(
      String division,
      VatSituation situation,
      VatResolver vat,
      boolean reading,
      DocumentMapper.Plan plan) {}

  /**
   * The checks and the mapping of one order to its document, the same for booking and preview;
   * {@code record}: write what was decided to the order's history (booking only).
   */
  private Prepared prepare(
      OrderKey key,
      Integration integration,
      ShopOrder order,
      IntegrationSettings settings,
      LocalDate date,
      boolean record) {
    PreChecks.complete(order);
    String division = accounting.division(key.integrationId());
    BookingMode mode = settings.bookingMode();
    VatSituation situation = vatStep.situation(order, integration.shopCountry(), date);
    if (record) {
      events.record(
          key,
          "VAT",
          situation.kind() + ": " + String.join("; ", situation.reasons()),
          clock.instant());
      situation
          .warnings()
          .forEach(w -> events.record(key, "VAT", w.code() + ": " + w.message(), clock.instant()));
    }
    VatResolver vat =
        new VatResolver(
            integrations.vatMappings(key.integrationId()),
            situation,
            mode == BookingMode.SALES_ENTRY
                || (mode == BookingMode.SALES_INVOICE && !settings.ledgerMappingDisabled()));
    PreChecks.check(order, vat);
    String note = OrderAmounts.of(order).breakdownNote();
    if (record && note != null) {
      events.record(key, "AMOUNTS", note, clock.instant());
    }
    boolean reading = entryAmountsIncludeVat(key, division, settings);
    DocumentMapper.Plan plan = DocumentMapper.plan(order, settings, vat, date, reading);
    return new Prepared(division, situation, vat, reading, plan);
  }

  /**
   * The dry run: the order read from the shop, the same decisions and mapping as {@link #attempt},
   * the debtor and items looked up but never created, nothing posted and nothing recorded.
   */
  @Override
  public OrderPreview preview(OrderKey key) {
    Integration integration = integrations.find(key.integrationId()).orElse(null);
    if (integration == null) {
      throw new IllegalArgumentException("Unknown integration");
    }
    ShopOrder order;
    try {
      order = shop.fetchOrder(key.integrationId(), key.shopOrderId());
    } catch (ExternalSystemException e) {
      BookingFailure f = FailureTranslator.fromShop(e, key.shopOrderId(), clock.instant());
      return OrderPreview.error(key, null, null, errorOf(f));
    }
    String number = order.number();
    String currency = order.currency();
    try {
      IntegrationSettings settings = integrations.settings(key.integrationId());
      LocalDate date =
          order.createdAt() == null
              ? null
              : order.createdAt().atZoneSameInstant(integration.zone()).toLocalDate();
      boolean imported = orders.find(key).map(OrderSync::imported).orElse(false);
      Processability.Decision decision =
          Processability.decide(order, integration, settings, imported, date);
      // an order that is skipped or waits is still shown as it would be booked, with the reason
      OrderPreview.Outcome outcome = OrderPreview.Outcome.DOCUMENT;
      String reason = null;
      if (decision instanceof Processability.Skip skip) {
        outcome = OrderPreview.Outcome.SKIP;
        reason = skip.reason();
      } else if (decision instanceof Processability.Wait wait) {
        outcome = OrderPreview.Outcome.WAIT;
        reason = wait.reason();
      }
      Prepared p = prepare(key, integration, order, settings, date, false);
      CustomerStep.Debtor debtor =
          customers.lookUpOnly(key.integrationId(), p.division(), order, settings, p.situation());
      Map<String, AccountingSystem.Item> found =
          products.lookUpOnly(key.integrationId(), p.division(), p.plan().products());
      Map<String, UUID> items = new LinkedHashMap<>();
      List<String> codes = new ArrayList<>();
      List<String> created = new ArrayList<>();
      for (DocumentMapper.Product product : p.plan().products()) {
        AccountingSystem.Item item = found.get(product.key());
        items.put(product.key(), item == null ? NOT_YET : item.id());
        if (item == null) {
          created.add(product.item().code());
        }
      }
      DocumentDraft draft = p.plan().draft(debtor.id(), items, null);
      for (DocumentDraft.Line line : draft.lines()) {
        codes.add(
            line.itemId() == null
                ? null
                : p.plan().products().stream()
                    .filter(pr -> line.itemId().equals(items.get(pr.key())))
                    .map(pr -> pr.item().code())
                    .findFirst()
                    .orElse(null));
      }
      OrderAmounts.Target total = OrderAmounts.of(order).total();
      return new OrderPreview(
          key,
          number,
          currency,
          outcome,
          draft,
          new OrderPreview.Debtor(debtor.id(), debtor.code(), debtor.name(), debtor.createdFor()),
          codes,
          created,
          total.excl(),
          total.vat(),
          total.incl(),
          null,
          reason);
    } catch (BookingFailure failed) {
      return OrderPreview.error(key, number, currency, errorOf(failed));
    } catch (ExternalSystemException e) {
      return OrderPreview.error(
          key,
          number,
          currency,
          errorOf(FailureTranslator.fromExact(e, "preview", clock.instant())));
    }
  }

  private static BookingError errorOf(BookingFailure f) {
    if (f instanceof BookingFailure.Permanent p) {
      return p.error();
    }
    if (f instanceof BookingFailure.Retryable r) {
      return r.error();
    }
    return BookingErrors.internalError("preview", f);
  }

  /** The id a preview gives an item that booking would create first (never sent anywhere). */
  private static final UUID NOT_YET = new UUID(0, 0);

  /** Looks where the fence says; a document of ours there is adopted as the booking. */
  private Optional<Result> adoptEarlier(
      OrderKey key,
      BookingFence fence,
      ShopOrder order,
      IntegrationSettings settings,
      Progress progress) {
    progress.step =
        "lookup of the earlier "
            + (fence.mode() == null ? "document" : fence.mode().documentType());
    String currentDivision =
        fence.division() != null ? null : accounting.division(key.integrationId());
    Optional<FoundDocument> found =
        documents.lookUp(key, fence, order, currentDivision, settings.bookingMode());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(booked(key, fence.attemptId(), found.get().booked(), order.number()));
  }

  private Result booked(OrderKey key, UUID attemptId, BookedDocument document, String number) {
    if (!markBooked.apply(key, attemptId, document)) {
      throw new BookingFailure.NothingToDo("Another attempt of this order took over");
    }
    log.info(
        "integration={} order={} booked as {} {}",
        key.integrationId(),
        number,
        document.mode().documentType(),
        document.id());
    return new Done("booked");
  }

  /** How Exact reads sales-entry amounts with inclusive codes here: the setting, else learned. */
  private boolean entryAmountsIncludeVat(
      OrderKey key, String division, IntegrationSettings settings) {
    return switch (settings.entryAmounts()) {
      case INCLUDING -> true;
      case EXCLUDING -> false;
      case AUTO ->
          integrations
              .divisionFact(key.integrationId(), division, DocumentStep.ENTRY_AMOUNTS_FACT)
              .map(Boolean::parseBoolean)
              .orElse(false);
    };
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

  /**
   * Keeps what the other system answered, word for word, in the order's history (kind {@code
   * EXACT_ANSWER} or {@code SHOP_ANSWER}): "More info" shows it and a problem report carries it.
   */
  private void recordAnswer(OrderKey key, Throwable cause, String kind) {
    if (cause instanceof ExternalSystemException e && e.answer() != null) {
      events.record(key, kind, e.answer(), clock.instant());
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

  private Result retry(
      OrderKey key, BookingFailure.Retryable retry, int attempts, boolean writingDocument) {
    Instant now = clock.instant();
    boolean unknown = retry.outcomeUnknown() && writingDocument;
    if (retry.countsAsAttempt() && !retryPolicy.mayRetry(attempts)) {
      // out of retries: a person decides; the fence stays, so Process looks Exact up first
      return fail(key, retry.error());
    }
    Instant at = retry.retryAt() != null ? retry.retryAt() : retryPolicy.nextAttempt(attempts, now);
    orders.markRetry(key, at, retry.countsAsAttempt(), unknown, retry.error(), now);
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
