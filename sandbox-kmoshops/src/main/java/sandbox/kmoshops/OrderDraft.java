package sandbox.kmoshops;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An order as a test, the demo or the generator describes it: prices in the shop's own mode (incl.
 * VAT when the shop enters prices incl. VAT). The shop computes the rest. {@code totalInclOverride}
 * makes a broken order whose total does not add up.
 */
public record OrderDraft(
    String status,
    String paymentStatus,
    String paymentMethodCode,
    String paymentMethodTitle,
    String language,
    Map<String, Object> customer,
    Map<String, Object> billingAddress,
    Map<String, Object> shippingAddress,
    List<LineDraft> lines,
    ChargeDraft shipping,
    ChargeDraft paymentFee,
    List<DiscountDraft> discounts,
    OffsetDateTime createdAt,
    BigDecimal totalInclOverride) {

  public record LineDraft(
      Long productId,
      String sku,
      String ean,
      String name,
      String variant,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discount,
      BigDecimal vatRate) {}

  public record ChargeDraft(String title, BigDecimal price, BigDecimal vatRate) {}

  public record DiscountDraft(String code, String title, BigDecimal amount, BigDecimal vatRate) {}
}
