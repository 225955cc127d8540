package koppel.order.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import koppel.order.domain.OrderLine;
import koppel.order.port.AccountingRef;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BindingStore;
import koppel.order.port.BindingStore.BindingKind;
import koppel.order.port.MasterDataLock;
import koppel.order.port.NewItem;
import org.springframework.stereotype.Component;

/**
 * Step 2 (orders and invoices only): every item the document needs exists in Exact Online: the
 * order's products, plus the dummy products for shipping, payment costs and discounts. Missing ones
 * are created and bound at once; existing products are never changed.
 */
@Component
class ProductsStep {

  static final String SHIPPING = "KMO-SHIPPING";
  static final String PAYMENT_FEE = "KMO-PAYMENTFEE";
  static final String DISCOUNT = "KMO-DISCOUNT";
  static final String ROUNDING = "KMO-ROUNDING";
  private static final int MAX_CODE = 30;

  private final AccountingSystem accounting;
  private final BindingStore bindings;
  private final MasterDataLock lock;

  ProductsStep(AccountingSystem accounting, BindingStore bindings, MasterDataLock lock) {
    this.accounting = accounting;
    this.bindings = bindings;
    this.lock = lock;
  }

  /** Item id per item code, for the items the document will have (find, else create). */
  Map<String, UUID> resolve(UUID integrationId, List<NewItem> needed) {
    Map<String, UUID> items = new LinkedHashMap<>();
    for (NewItem wanted : needed) {
      items.put(wanted.code(), item(integrationId, wanted));
    }
    return items;
  }

  static boolean isDummy(String code) {
    return code.equals(SHIPPING)
        || code.equals(PAYMENT_FEE)
        || code.equals(DISCOUNT)
        || code.equals(ROUNDING);
  }

  private UUID item(UUID integrationId, NewItem wanted) {
    Optional<AccountingRef> bound = bindings.find(integrationId, BindingKind.ITEM, wanted.code());
    if (bound.isPresent()) {
      return bound.get().id();
    }
    return lock.exclusively(
        integrationId,
        "item:" + wanted.code(),
        () -> {
          Optional<AccountingRef> boundMeanwhile =
              bindings.find(integrationId, BindingKind.ITEM, wanted.code());
          if (boundMeanwhile.isPresent()) {
            return boundMeanwhile.get().id();
          }
          AccountingRef ref =
              accounting
                  .findItemByCode(integrationId, wanted.code())
                  .orElseGet(() -> accounting.createItem(integrationId, wanted));
          return bindings.bind(integrationId, BindingKind.ITEM, wanted.code(), ref).id();
        });
  }

  /**
   * The Exact item code of a shop product: its SKU, else its EAN, else derived from the product.
   */
  static String itemCode(OrderLine line) {
    String code;
    if (line.sku() != null && !line.sku().isBlank()) {
      code = line.sku().trim();
    } else if (line.ean() != null && !line.ean().isBlank()) {
      code = line.ean().trim();
    } else if (line.productId() != null) {
      code = "KMO-" + line.productId();
    } else {
      code = "KMO-" + shortHash(line.name());
    }
    return code.length() <= MAX_CODE
        ? code
        : code.substring(0, MAX_CODE - 9) + "-" + shortHash(code);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
