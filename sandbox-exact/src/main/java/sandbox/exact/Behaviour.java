package sandbox.exact;

import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * The knobs for Exact's computations, string comparison and the sync endpoints' $select that a test
 * may switch while the sandbox runs ({@code PUT /admin/behaviour}). Each starts from its {@code
 * sandbox.exact.*} property and returns to it on {@code POST /admin/reset}. A request reads one
 * {@link Values} snapshot, so a switch never splits a document between two settings.
 */
@Component
public class Behaviour {

  /** How a line amount Quantity × UnitPrice × (1 − Discount) is rounded to cents. */
  public enum LineRounding {
    HALF_UP(RoundingMode.HALF_UP),
    HALF_EVEN(RoundingMode.HALF_EVEN);

    final RoundingMode mode;

    LineRounding(RoundingMode mode) {
      this.mode = mode;
    }
  }

  /**
   * How VAT is computed for lines without an explicit VAT amount: per line rounded half-up, per
   * line rounded half-even, or once per VAT code over the document (half-up), the rounding
   * difference on that code's largest line.
   */
  public enum VatRounding {
    LINE_HALF_UP,
    LINE_HALF_EVEN,
    DOCUMENT
  }

  /** One consistent set of values. */
  public record Values(
      LineRounding lineRounding,
      VatRounding vatRounding,
      boolean entryAmountIncludesVat,
      boolean caseInsensitiveStrings,
      boolean syncRequiresSelect) {}

  /** A partial update: null leaves a value as it is. */
  public record Change(
      LineRounding lineRounding,
      VatRounding vatRounding,
      Boolean entryAmountIncludesVat,
      Boolean caseInsensitiveStrings,
      Boolean syncRequiresSelect) {}

  private final Values defaults;
  private volatile Values current;

  public Behaviour(ExactSandboxProperties props) {
    this.defaults =
        new Values(
            props.lineRounding() == null ? LineRounding.HALF_UP : props.lineRounding(),
            props.vatRounding() == null ? VatRounding.LINE_HALF_UP : props.vatRounding(),
            props.entryAmountIncludesVat(),
            props.caseInsensitiveStrings(),
            props.syncRequiresSelect());
    this.current = defaults;
  }

  public Values values() {
    return current;
  }

  public synchronized Values change(Change c) {
    Values v = current;
    current =
        new Values(
            c.lineRounding() != null ? c.lineRounding() : v.lineRounding(),
            c.vatRounding() != null ? c.vatRounding() : v.vatRounding(),
            c.entryAmountIncludesVat() != null
                ? c.entryAmountIncludesVat()
                : v.entryAmountIncludesVat(),
            c.caseInsensitiveStrings() != null
                ? c.caseInsensitiveStrings()
                : v.caseInsensitiveStrings(),
            c.syncRequiresSelect() != null ? c.syncRequiresSelect() : v.syncRequiresSelect());
    return current;
  }

  /** Back to the configured values. */
  public synchronized void reset() {
    current = defaults;
  }
}
