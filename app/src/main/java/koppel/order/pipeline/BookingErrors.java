package koppel.order.pipeline;

import java.math.BigDecimal;
import koppel.order.domain.BookingError;
import koppel.order.domain.BookingMode;

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
        "Correct the order in KMO Shops so its total matches its lines, then press Process.");
  }

  public static BookingError vatTotalMismatch(BigDecimal vat, BigDecimal difference) {
    return new BookingError(
        "VAT_TOTAL_MISMATCH",
        "The order's VAT total ("
            + vat.toPlainString()
            + ") differs from total incl. minus total excl. VAT ("
            + difference.toPlainString()
            + ").",
        "Correct the order's VAT in KMO Shops, then press Process.");
  }

  /** A VAT situation the order cannot be booked in (see {@code koppel.vat.VatClassifier}). */
  public static BookingError vatSituation(String code, String message) {
    String resolution =
        switch (code) {
          case "EXPORT_WITH_VAT" ->
              "Exports are booked at 0 %. Correct the VAT or the shipping country of the order in"
                  + " KMO Shops, then press Process.";
          case "ICP_VAT_NUMBER_INVALID", "ICP_VAT_NUMBER_NOT_ACTIVE" ->
              "Ask the customer for their VAT number and correct it on the order in KMO Shops"
                  + " (or charge the VAT), then press Process.";
          case "ICP_SAME_COUNTRY" ->
              "A customer with a VAT number of your own country pays your VAT. Charge VAT on the"
                  + " order in KMO Shops, then press Process.";
          case "ICP_WITHOUT_VAT_NUMBER" ->
              "Add the customer's VAT number to the order in KMO Shops (or charge VAT), then"
                  + " press Process.";
          case "ZERO_VAT_TO_CONSUMER" ->
              "Charge the VAT of the customer's country on the order in KMO Shops (or, for a"
                  + " business, mark it as a company with its VAT number), then press Process.";
          case "UNKNOWN_COUNTRY" ->
              "Correct the shipping country of the order in KMO Shops to a two-letter ISO code,"
                  + " then press Process.";
          default -> "Correct the order's VAT in KMO Shops, then press Process.";
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
        "Open Configuration → VAT rates, choose the Exact Online VAT code and revenue account for "
            + destination
            + ", save, then press Process.");
  }

  public static BookingError glAccountMissing(String destination, BigDecimal rate) {
    return new BookingError(
        "GL_ACCOUNT_MISSING",
        "No revenue account is configured for "
            + rate.stripTrailingZeros().toPlainString()
            + "% VAT ("
            + destination
            + ").",
        "Open Configuration → VAT rates, choose a revenue account for "
            + destination
            + ", save, then press Process.");
  }

  public static BookingError journalMissing(BookingMode mode) {
    return new BookingError(
        "JOURNAL_MISSING",
        "No sales journal is configured, so the " + mode.documentType() + " cannot be created.",
        "Open Configuration → Exact Online and choose the sales journal (usually 70 in the"
            + " Netherlands, 700 in Belgium), save, then press Process.");
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
        "Open the dashboard and click Connect next to Exact Online, log in and allow access.");
  }

  public static BookingError reconnectShop(String detail) {
    return new BookingError(
        "SHOP_NOT_CONNECTED",
        "Koppel has no valid access to your KMO Shops shop (" + detail + ").",
        "Reinstall the Koppel app from the app store in your KMO Shops backend.");
  }

  public static BookingError exactUnavailable(String detail) {
    return new BookingError(
        "EXACT_UNAVAILABLE",
        "Exact Online did not answer (" + detail + ").",
        "Nothing to do: Koppel tries again by itself. If this stays, press Process later.");
  }

  public static BookingError shopUnavailable(String detail) {
    return new BookingError(
        "SHOP_UNAVAILABLE",
        "KMO Shops did not answer (" + detail + ").",
        "Nothing to do: Koppel tries again by itself. If this stays, press Process later.");
  }

  public static BookingError rateLimited(String system) {
    return new BookingError(
        "RATE_LIMITED",
        system + " asked Koppel to slow down; the order waits for the next window.",
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
        "Check in KMO Shops whether the order was deleted. Nothing needs booking if it was.");
  }

  /** A resolution a merchant can act on, for the Exact messages we know. */
  static String resolutionFor(String exactMessage) {
    String m = exactMessage == null ? "" : exactMessage;
    if (m.contains("Btw") || m.contains("VAT")) {
      return "Check the VAT codes in Configuration → VAT rates against Exact Online, save, then"
          + " press Process.";
    }
    if (m.contains("Grootboekrekening")) {
      return "Choose a revenue (P&L, credit) account in Configuration → VAT rates, then press"
          + " Process.";
    }
    if (m.contains("Dagboek") || m.contains("journal") || m.contains("Journal")) {
      return "Choose a sales journal in Configuration → Exact Online, then press Process.";
    }
    if (m.contains("Factuur voor") || m.contains("Klant")) {
      return "The debtor in Exact Online is not a customer. Mark it as customer in Exact Online,"
          + " then press Process.";
    }
    if (m.contains("Periode is afgesloten")) {
      return "The period of the order date is closed in Exact Online. Reopen it or ask your"
          + " accountant, then press Process.";
    }
    return "Correct the data named in the message in Exact Online or in the configuration, then"
        + " press Process. Still stuck? Use Report problem.";
  }
}
