package koppel.order.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import koppel.order.domain.BookingMode;
import koppel.order.domain.Money;
import koppel.order.domain.OrderKey;
import koppel.order.domain.ShopOrder;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BookedDocument;
import koppel.order.port.BookingFence;
import koppel.order.port.CreatedDocument;
import koppel.order.port.DocumentDraft;
import koppel.order.port.EventLog;
import koppel.order.port.ExternalSystemException;
import koppel.order.port.FoundDocument;
import koppel.order.port.OrderSyncStore;
import org.springframework.stereotype.Component;

/**
 * Step 3: the document, exactly once. Exact Online has no idempotency key, so:
 *
 * <ol>
 *   <li>before the POST the order is committed as BOOKING with a fresh attempt id and the fence:
 *       the division, the document type, the exact YourRef, the debtor and the amount;
 *   <li>once a fence exists, every later attempt looks there first ({@link #lookUp}) — whatever
 *       happened meanwhile — and adopts only a document whose YourRef, debtor and amount match;
 *       several candidates or a mismatch stop the order for a person, never a second POST;
 *   <li>after the POST, Exact's own totals are compared with what the customer paid; a difference
 *       stops the order with both figures, the draft stays for the accountant.
 * </ol>
 */
@Component
class DocumentStep {

  /** The fact Koppel learns per administration about sales entry lines with inclusive codes. */
  static final String ENTRY_AMOUNTS_FACT = "entry-amounts-include-vat";

  private final AccountingSystem accounting;
  private final OrderSyncStore orders;
  private final EventLog events;
  private final Clock clock;

  DocumentStep(AccountingSystem accounting, OrderSyncStore orders, EventLog events, Clock clock) {
    this.accounting = accounting;
    this.orders = orders;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The document an earlier attempt wrote, looked up where the fence says (falling back to today's
   * division and type and the order number for fences recorded before Koppel kept them). Empty when
   * nothing there is ours: writing is safe. Throws Permanent when a person must decide.
   */
  Optional<FoundDocument> lookUp(
      OrderKey key,
      BookingFence fence,
      ShopOrder order,
      String currentDivision,
      BookingMode currentMode) {
    String division = fence.division() != null ? fence.division() : currentDivision;
    BookingMode mode = fence.mode() != null ? fence.mode() : currentMode;
    String yourRef = fence.yourRef() != null ? fence.yourRef() : order.number();
    BigDecimal amount =
        fence.amount() != null ? fence.amount() : Money.cents(order.totals().totalIncl());
    List<FoundDocument> sameRef =
        accounting.findDocuments(key.integrationId(), division, mode, yourRef).stream()
            .filter(d -> d.yourRef() != null && d.yourRef().trim().equals(yourRef.trim()))
            .toList();
    List<FoundDocument> ours =
        sameRef.stream()
            .filter(d -> fence.customerId() == null || fence.customerId().equals(d.customerId()))
            .toList();
    if (ours.isEmpty()) {
      events.record(
          key,
          "LOOKUP",
          "Looked for "
              + mode.documentType()
              + " "
              + yourRef
              + " in administration "
              + division
              + " before writing: none of ours"
              + (sameRef.isEmpty()
                  ? ""
                  : " (" + sameRef.size() + " with this reference belong to another debtor)"),
          clock.instant());
      return Optional.empty();
    }
    if (ours.size() > 1) {
      throw new BookingFailure.Permanent(
          BookingErrors.documentAmbiguous(mode, yourRef, division, ours));
    }
    FoundDocument found = ours.get(0);
    if (found.amountIncl() == null || found.amountIncl().compareTo(amount) != 0) {
      throw new BookingFailure.Permanent(
          BookingErrors.documentMismatch(mode, yourRef, found, amount));
    }
    events.record(
        key,
        "ADOPTED",
        "Found "
            + mode.documentType()
            + " "
            + describe(found.booked())
            + " written by an earlier attempt in Exact Online (same reference, debtor and"
            + " amount); not posted again",
        clock.instant());
    return Optional.of(found);
  }

  /** The outcome of a write: booked, or written with figures that differ from the shop's. */
  sealed interface Written {}

  record Booked(BookedDocument document) implements Written {}

  record Differs(BookedDocument document, CreatedDocument answer) implements Written {}

  /**
   * Commits the fence, posts the document, and checks Exact's answer. {@code draftFor} builds the
   * document for a reading of sales-entry amounts (true: AmountFC includes VAT with inclusive
   * codes); {@code reading} is the one to use now; {@code learnable} whether Koppel may learn a
   * different reading from this answer (a sales entry with inclusive codes, reading on AUTO).
   */
  Written write(
      OrderKey key,
      UUID expectedAttempt,
      BookingFence fence,
      ShopOrder order,
      Function<Boolean, DocumentDraft> draftFor,
      boolean reading,
      boolean learnable,
      EntryFacts facts) {
    if (!orders.startBooking(key, expectedAttempt, fence, clock.instant())) {
      throw new BookingFailure.NothingToDo("Another attempt of this order is under way");
    }
    DocumentDraft draft = draftFor.apply(reading);
    CreatedDocument created = post(key, fence, draft);
    if (matches(created, order)) {
      return new Booked(created.document());
    }
    if (learnable && readOtherwise(created, order, reading)) {
      return relearn(key, fence, order, draftFor, reading, created, facts);
    }
    return new Differs(created.document(), created);
  }

  private CreatedDocument post(OrderKey key, BookingFence fence, DocumentDraft draft) {
    CreatedDocument created =
        accounting.createDocument(key.integrationId(), fence.division(), draft);
    if (created.hasTotals()) {
      return created;
    }
    // the answer carried no totals: read them back, so every write is checked
    Optional<FoundDocument> found =
        accounting
            .findDocuments(key.integrationId(), fence.division(), draft.mode(), draft.yourRef())
            .stream()
            .filter(d -> created.document().id().equals(d.id()))
            .findFirst();
    return found
        .map(f -> new CreatedDocument(created.document(), f.amountIncl(), null, null))
        .orElse(created);
  }

  /**
   * Exact read AmountFC of the entry lines the other way round than Koppel assumed: its totals are
   * exactly what the other reading predicts. Koppel remembers the reading for this administration,
   * removes the draft it just made and books the entry again.
   */
  private Written relearn(
      OrderKey key,
      BookingFence fence,
      ShopOrder order,
      Function<Boolean, DocumentDraft> draftFor,
      boolean reading,
      CreatedDocument wrong,
      EntryFacts facts) {
    boolean learned = !reading;
    facts.learn(
        fence.division(),
        learned,
        "entry "
            + describe(wrong.document())
            + " of order "
            + order.number()
            + ": Exact booked "
            + wrong.amountIncl().toPlainString()
            + " for "
            + Money.cents(order.totals().totalIncl()).toPlainString());
    events.record(
        key,
        "LEARNED",
        "Exact Online reads the amount of a sales entry line with an inclusive VAT code as "
            + (learned ? "including" : "excluding")
            + " VAT in administration "
            + fence.division()
            + " (entry "
            + describe(wrong.document())
            + " came out at "
            + wrong.amountIncl().toPlainString()
            + " instead of "
            + Money.cents(order.totals().totalIncl()).toPlainString()
            + "). Koppel removes that draft and books the entry again.",
        clock.instant());
    try {
      accounting.deleteDocument(
          key.integrationId(), fence.division(), BookingMode.SALES_ENTRY, wrong.document().id());
    } catch (ExternalSystemException e) {
      events.record(
          key,
          "LEARNED",
          "The draft entry could not be removed (" + e.getMessage() + ")",
          clock.instant());
      return new Differs(wrong.document(), wrong);
    }
    CreatedDocument again = post(key, fence, draftFor.apply(learned));
    return matches(again, order)
        ? new Booked(again.document())
        : new Differs(again.document(), again);
  }

  /**
   * Exact's totals are what the customer paid (incl.) and, where Exact says, the excl. amount and
   * VAT Koppel booked per rate, added up.
   */
  static boolean matches(CreatedDocument created, ShopOrder order) {
    if (created.amountIncl() == null) {
      return true; // nothing to compare against; recorded by the caller
    }
    OrderAmounts.Target wanted = OrderAmounts.of(order).total();
    if (created.amountIncl().compareTo(wanted.incl()) != 0) {
      return false;
    }
    if (created.amountExcl() == null && created.vatAmount() == null) {
      return true;
    }
    return created.excl().compareTo(wanted.excl()) == 0;
  }

  /** The totals are exactly what Exact reading the amounts the other way would give. */
  private static boolean readOtherwise(
      CreatedDocument created, ShopOrder order, boolean assumedIncluding) {
    if (!created.hasTotals()) {
      return false;
    }
    OrderAmounts.Target wanted = OrderAmounts.of(order).total();
    BigDecimal incl = wanted.incl();
    BigDecimal excl = wanted.excl();
    BigDecimal vat = wanted.vat();
    if (vat.signum() == 0) {
      return false;
    }
    if (assumedIncluding) {
      // Koppel sent incl. amounts; Exact added the VAT on top
      return created.amountIncl().compareTo(incl.add(vat)) == 0
          && created.vat().compareTo(vat) == 0;
    }
    // Koppel sent excl. amounts; Exact took them as incl. and took the VAT out
    return created.amountIncl().compareTo(excl) == 0 && created.vat().compareTo(vat) == 0;
  }

  static String describe(BookedDocument d) {
    return d.number() != null ? d.number() : d.id().toString();
  }

  /** Where the learned reading of sales-entry amounts is kept (per administration). */
  interface EntryFacts {
    void learn(String division, boolean amountsIncludeVat, String evidence);
  }
}
