package koppel.order.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import koppel.order.domain.BookingError;
import koppel.order.domain.BookingMode;
import koppel.order.domain.Money;
import koppel.order.port.BookedDocument;
import koppel.order.port.CreatedDocument;
import koppel.order.port.FoundDocument;

/** Every error a merchant can see, with its stable code, plain words and a resolution. */
public final class BookingErrors {

  private BookingErrors() {}

  public static BookingError totalsMismatch(String side, BigDecimal total, BigDecimal sum) {
    return new BookingError(
        "TOTALS_MISMATCH",
        "The order total "
            + side
            + " ("
            + total.toPlainString()
            + ") is not the sum of its lines, shipping and payment costs minus discounts ("
            + sum.toPlainString()
            + ").",
        "Correct the order in KMO Shops so its total matches its lines, then press Process on the Errors tab.");
  }

  public static BookingError vatTotalMismatch(BigDecimal vat, BigDecimal difference) {
    return new BookingError(
        "VAT_TOTAL_MISMATCH",
        "The order's VAT total ("
            + vat.toPlainString()
            + ") differs from total incl. minus total excl. VAT ("
            + difference.toPlainString()
            + ").",
        "Correct the order's VAT in KMO Shops, then press Process on the Errors tab.");
  }

  /** A VAT situation the order cannot be booked in (see {@code koppel.vat.VatClassifier}). */
  public static BookingError vatSituation(String code, String message) {
    String resolution =
        switch (code) {
          case "EXPORT_WITH_VAT" ->
              "Exports are booked at 0 %. Correct the VAT or the shipping country of the order in"
                  + " KMO Shops, then press Process on the Errors tab.";
          case "ICP_VAT_NUMBER_INVALID", "ICP_VAT_NUMBER_NOT_ACTIVE" ->
              "Ask the customer for their VAT number and correct it on the order in KMO Shops"
                  + " (or charge the VAT), then press Process on the Errors tab.";
          case "ICP_SAME_COUNTRY" ->
              "A customer with a VAT number of your own country pays your VAT. Charge VAT on the"
                  + " order in KMO Shops, then press Process on the Errors tab.";
          case "ICP_WITHOUT_VAT_NUMBER" ->
              "Add the customer's VAT number to the order in KMO Shops (or charge VAT), then"
                  + " press Process on the Errors tab.";
          case "ZERO_VAT_TO_CONSUMER" ->
              "Charge the VAT of the customer's country on the order in KMO Shops (or, for a"
                  + " business, mark it as a company with its VAT number), then press Process on the Errors tab.";
          case "UNKNOWN_COUNTRY" ->
              "Correct the shipping country of the order in KMO Shops to a two-letter ISO code,"
                  + " then press Process on the Errors tab.";
          default -> "Correct the order's VAT in KMO Shops, then press Process on the Errors tab.";
        };
    return new BookingError(code, message, resolution);
  }

  public static BookingError vatCodeMissing(String destination, BigDecimal rate) {
    return new BookingError(
        "VAT_CODE_MISSING",
        "No Exact Online VAT code is configured for "
            + rate.stripTrailingZeros().toPlainString()
            + "% VAT ("
            + destination
            + ").",
        "Open the Configuration tab → VAT table, choose the Exact Online VAT code and revenue account for "
            + destination
            + ", save, then press Process on the Errors tab.");
  }

  public static BookingError glAccountMissing(String destination, BigDecimal rate) {
    return new BookingError(
        "GL_ACCOUNT_MISSING",
        "No revenue account is configured for "
            + rate.stripTrailingZeros().toPlainString()
            + "% VAT ("
            + destination
            + ").",
        "Open the Configuration tab → VAT table, choose a revenue account for "
            + destination
            + ", save, then press Process on the Errors tab.");
  }

  public static BookingError journalMissing(BookingMode mode) {
    return new BookingError(
        "JOURNAL_MISSING",
        "No sales journal is configured, so the " + mode.documentType() + " cannot be created.",
        "Open the Configuration tab → sales journal and choose it (usually 70 in the"
            + " Netherlands, 700 in Belgium), save, then press Process on the Errors tab.");
  }

  public static BookingError exactRejected(String what, String exactMessage) {
    return new BookingError(
        "EXACT_REJECTED",
        "Exact Online refused the " + what + ": " + exactMessage,
        resolutionFor(exactMessage));
  }

  public static BookingError reconnectExact(String detail) {
    return new BookingError(
        "EXACT_NOT_CONNECTED",
        "Koppel has no valid access to Exact Online (" + detail + "). Orders wait; none are lost.",
        "On the Installation tab, press Reconnect Exact Online: Connect takes you to Exact to log"
            + " in and allow access; the waiting orders are then booked by themselves.");
  }

  public static BookingError reconnectShop(String detail) {
    return new BookingError(
        "SHOP_NOT_CONNECTED",
        "Koppel has no valid access to your KMO Shops shop (" + detail + ").",
        "On the Installation tab, press Connect KMO Shops (or reinstall the Koppel app from the app"
            + " store in your KMO Shops backend), then press Process on the Errors tab.");
  }

  public static BookingError exactUnavailable(String detail) {
    return new BookingError(
        "EXACT_UNAVAILABLE",
        "Exact Online did not answer (" + detail + ").",
        "Nothing to do: Koppel tries again by itself. If the order stays on the Errors tab, press"
            + " Process there later.");
  }

  public static BookingError shopUnavailable(String detail) {
    return new BookingError(
        "SHOP_UNAVAILABLE",
        "KMO Shops did not answer (" + detail + ").",
        "Nothing to do: Koppel tries again by itself. If the order stays on the Errors tab, press"
            + " Process there later.");
  }

  /**
   * A call held back by a rate limit: {@code byRemote} when the system itself answered 429 (and
   * only then does Koppel say the system asked it to slow down); otherwise Koppel paced itself to
   * stay inside the system's limits, and {@code detail} says which.
   */
  public static BookingError rateLimited(String system, boolean byRemote, String detail) {
    return new BookingError(
        "RATE_LIMITED",
        byRemote
            ? system
                + " asked Koppel to slow down (too many calls); the order waits for the"
                + " next window."
            : "Koppel paced its calls to "
                + system
                + " to stay within its limits ("
                + detail
                + "); the order waits for the next window.",
        "Nothing to do: the order is booked automatically when the window opens.");
  }

  public static BookingError outcomeUnknown(String detail) {
    return new BookingError(
        "EXACT_OUTCOME_UNKNOWN",
        "Exact Online did not confirm the booking (" + detail + ").",
        "Nothing to do: Koppel checks Exact Online before trying again, so nothing is booked"
            + " twice.");
  }

  public static BookingError orderNotFound(long orderId) {
    return new BookingError(
        "ORDER_NOT_FOUND",
        "KMO Shops no longer knows order " + orderId + ".",
        "Check in KMO Shops whether the order was deleted: nothing needs booking if it was. If it"
            + " still exists, press Process on the Errors tab.");
  }

  /** Order data Koppel cannot read or book (a missing VAT rate, quantity 0, no totals). */
  public static BookingError orderIncomplete(String what) {
    return new BookingError(
        "INTERNAL_ERROR",
        "Koppel cannot book this order: " + what + " is missing or unreadable in KMO Shops.",
        "Correct the order in KMO Shops, then press Process on the Errors tab. If the order looks"
            + " right there, press Report problem next to it.");
  }

  /** Anything nobody expected; the order stops instead of being retried forever. */
  public static BookingError internalError(String step, RuntimeException e) {
    return new BookingError(
        "INTERNAL_ERROR",
        "Koppel stopped at the "
            + step
            + " step of this order with an unexpected error ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "). Nothing was booked twice.",
        "Check the order in KMO Shops, then press Process on the Errors tab. If it stops again,"
            + " press Report problem next to it.");
  }

  public static BookingError lockBusy(String detail) {
    return new BookingError(
        "LOCK_BUSY",
        "Another Koppel node is creating the same customer or product (" + detail + ").",
        "Nothing to do: the order is tried again in a moment.");
  }

  public static BookingError customerEmailMissing(boolean icp) {
    return icp
        ? new BookingError(
            "CUSTOMER_EMAIL_MISSING",
            "This intra-Community order has no customer e-mail address, so Koppel cannot find or"
                + " create the customer's own debtor (an ICP sale needs the debtor with the"
                + " customer's VAT number).",
            "Add the customer's e-mail address to the order in KMO Shops, then press Process on the Errors tab.")
        : new BookingError(
            "CUSTOMER_EMAIL_MISSING",
            "This guest order has no e-mail address, and Koppel matches debtors by e-mail"
                + " address only.",
            "Choose a debtor on the Configuration tab → \"Debtor for guest orders\" (or add the"
                + " e-mail address to the order in KMO Shops), then press Process on the Errors tab.");
  }

  public static BookingError icpDebtorVatNumber(String debtor, String onDebtor, String checked) {
    return new BookingError(
        "ICP_DEBTOR_VAT_NUMBER",
        "Debtor "
            + debtor
            + " in Exact Online has "
            + (onDebtor == null || onDebtor.isBlank() ? "no VAT number" : "VAT number " + onDebtor)
            + ", but this intra-Community order was checked with "
            + checked
            + ". Exact takes the ICP listing from the debtor, so the two must agree.",
        "Enter VAT number "
            + checked
            + " on debtor "
            + debtor
            + " in Exact Online (or correct the number on the order in KMO Shops), then press"
            + " Process on the Errors tab.");
  }

  public static BookingError warehouseMissing(String what) {
    return new BookingError(
        "WAREHOUSE_MISSING",
        "No default warehouse is configured, and " + what + " need one.",
        "Choose the default warehouse on the Configuration tab → default warehouse, save, then press Process on the Errors tab.");
  }

  public static BookingError documentAmbiguous(
      BookingMode mode, String yourRef, String division, List<FoundDocument> found) {
    return new BookingError(
        "EXACT_DOCUMENT_AMBIGUOUS",
        "Exact Online administration "
            + division
            + " has "
            + found.size()
            + " "
            + mode.documentType()
            + "s with reference "
            + yourRef
            + " for this debtor ("
            + found.stream()
                .map(d -> DocumentStep.describe(d.booked()) + ": " + amount(d.amountIncl()))
                .collect(Collectors.joining(", "))
            + "). Koppel cannot tell which one it booked, so it books nothing more.",
        "Delete the documents that are not this order's in Exact Online (keep one), then press"
            + " Process on the Errors tab: Koppel takes the one that is left.");
  }

  public static BookingError documentMismatch(
      BookingMode mode, String yourRef, FoundDocument found, BigDecimal expected) {
    return new BookingError(
        "EXACT_DOCUMENT_MISMATCH",
        mode.documentType()
            + " "
            + DocumentStep.describe(found.booked())
            + " with reference "
            + yourRef
            + " exists in Exact Online for this debtor, but for "
            + amount(found.amountIncl())
            + " instead of "
            + amount(expected)
            + ". It may be this order's, written by an earlier attempt; Koppel does not book it a"
            + " second time.",
        "Correct the draft in Exact Online so it matches the order (or delete it to have Koppel"
            + " book the order again), then press Process on the Errors tab.");
  }

  /** Exact's figures for a document Koppel wrote, against what the customer paid. */
  public static BookingError totalsDiffer(
      BookedDocument document, CreatedDocument answer, BigDecimal paid, BigDecimal paidExcl) {
    return new BookingError(
        "EXACT_TOTALS_DIFFER",
        "Exact Online booked "
            + document.mode().documentType()
            + " "
            + DocumentStep.describe(document)
            + " at "
            + amount(answer.amountIncl())
            + (answer.amountExcl() != null || answer.vatAmount() != null
                ? " (excl. VAT " + amount(answer.excl()) + ", VAT " + amount(answer.vat()) + ")"
                : "")
            + ", but the customer paid "
            + amount(paid)
            + " (excl. VAT "
            + amount(paidExcl)
            + ", VAT "
            + amount(paid.subtract(paidExcl))
            + "). The document stays a draft.",
        "Correct the draft in Exact Online so its totals match the order (or delete it to have"
            + " Koppel book the order again), then press Process on the Errors tab. Press Report"
            + " problem too: Koppel and Exact rounded differently.");
  }

  private static String amount(BigDecimal a) {
    return a == null ? "?" : Money.cents(a).toPlainString();
  }

  /** A resolution a merchant can act on, for the Exact messages we know. */
  static String resolutionFor(String exactMessage) {
    String m = exactMessage == null ? "" : exactMessage;
    if (m.contains("Btw") || m.contains("VAT")) {
      return "Check the VAT codes on the Configuration tab → VAT table against Exact Online, save,"
          + " then press Process on the Errors tab.";
    }
    if (m.contains("Grootboekrekening")) {
      return "Choose a revenue (P&L, credit) account on the Configuration tab → VAT table, then press"
          + " Process on the Errors tab.";
    }
    if (m.contains("Dagboek") || m.contains("journal") || m.contains("Journal")) {
      return "Choose a sales journal on the Configuration tab → sales journal, then press Process on the Errors tab.";
    }
    if (m.contains("Factuur voor") || m.contains("Klant")) {
      return "The debtor in Exact Online is not a customer. Mark it as customer in Exact Online,"
          + " then press Process on the Errors tab.";
    }
    if (m.contains("Periode is afgesloten")) {
      return "The period of the order date is closed in Exact Online. Reopen it or ask your"
          + " accountant, then press Process on the Errors tab.";
    }
    return "Correct the data named in the message in Exact Online or on the Configuration tab, then"
        + " press Process on the Errors tab. Still stuck? Press Report problem next to the"
        + " order.";
  }
}
