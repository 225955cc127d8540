package koppel.order.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.domain.OrderLine;
import koppel.order.port.AccountingMirror;
import koppel.order.port.AccountingSystem;
import koppel.order.port.BindingStore;
import koppel.order.port.BindingStore.Binding;
import koppel.order.port.BindingStore.BindingKind;
import koppel.order.port.ClusterLock;
import koppel.order.port.EventLog;
import org.springframework.stereotype.Component;

/**
 * Step 2 (orders and invoices only): every item the document needs exists in Exact Online: the
 * order's products, plus the dummy items for shipping, payment costs, discounts and rounding.
 *
 * <p>The matching rule: a product is the Exact item whose code is the product's SKU; if there is
 * none, the item whose barcode is the product's EAN. Only when neither exists is an item created,
 * with the SKU as its code (the EAN when there is no SKU, else KMO-&lt;product id&gt;) and the EAN
 * as its barcode. All unknown products of an order are found at once — in Koppel's current copy of
 * the division's items, else in one call to Exact per 40 products — under the cluster lock of each
 * product in the division (held across integrations), and bound at once; existing items are never
 * changed.
 */
@Component
class ProductsStep {

  private static final int MAX_CODE = 30;
  private static final int LOOKUP_CHUNK = 40;

  private final AccountingSystem accounting;
  private final AccountingMirror mirror;
  private final BindingStore bindings;
  private final ClusterLock lock;
  private final EventLog events;
  private final Clock clock;

  ProductsStep(
      AccountingSystem accounting,
      AccountingMirror mirror,
      BindingStore bindings,
      ClusterLock lock,
      EventLog events,
      Clock clock) {
    this.accounting = accounting;
    this.mirror = mirror;
    this.bindings = bindings;
    this.lock = lock;
    this.events = events;
    this.clock = clock;
  }

  /** Item id per product key, for the products the document will have (find, else create). */
  Map<String, UUID> resolve(OrderKey order, String division, List<DocumentMapper.Product> needed) {
    UUID integrationId = order.integrationId();
    Map<String, UUID> ids = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>();
    needed.forEach(p -> keys.add(p.key()));
    bindings
        .findAll(integrationId, division, BindingKind.ITEM, keys)
        .forEach((k, b) -> ids.put(k, b.exactId()));
    List<DocumentMapper.Product> missing =
        needed.stream().filter(p -> !ids.containsKey(p.key())).toList();
    if (!missing.isEmpty()) {
      List<String> lockKeys =
          missing.stream().map(p -> "item:" + division + ":" + p.key()).toList();
      ids.putAll(
          lock.exclusively(
              ClusterLock.ANY_INTEGRATION, lockKeys, () -> findOrCreate(order, division, missing)));
    }
    return ids;
  }

  /**
   * The dry run of {@link #resolve}: the item per product key as it is bound or found in Exact;
   * products that would be created are left out. Reads only.
   */
  Map<String, AccountingSystem.Item> lookUpOnly(
      UUID integrationId, String division, List<DocumentMapper.Product> needed) {
    Map<String, AccountingSystem.Item> out = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>();
    needed.forEach(p -> keys.add(p.key()));
    bindings
        .findAll(integrationId, division, BindingKind.ITEM, keys)
        .forEach((k, b) -> out.put(k, new AccountingSystem.Item(b.exactId(), b.code(), null)));
    List<DocumentMapper.Product> unknown =
        needed.stream().filter(p -> !out.containsKey(p.key())).toList();
    if (!unknown.isEmpty()) {
      List<AccountingSystem.Item> found = lookUp(integrationId, division, unknown);
      for (DocumentMapper.Product p : unknown) {
        match(p, found).ifPresent(i -> out.put(p.key(), i));
      }
    }
    return out;
  }

  private Map<String, UUID> findOrCreate(
      OrderKey order, String division, List<DocumentMapper.Product> missing) {
    UUID integrationId = order.integrationId();
    Map<String, UUID> ids = new LinkedHashMap<>();
    // bound meanwhile by another order that held the lock before us
    Set<String> keys = new LinkedHashSet<>();
    missing.forEach(p -> keys.add(p.key()));
    bindings
        .findAll(integrationId, division, BindingKind.ITEM, keys)
        .forEach((k, b) -> ids.put(k, b.exactId()));
    List<DocumentMapper.Product> unknown =
        missing.stream().filter(p -> !ids.containsKey(p.key())).toList();
    List<AccountingSystem.Item> found = lookUp(integrationId, division, unknown);
    for (DocumentMapper.Product p : unknown) {
      Optional<AccountingSystem.Item> match = match(p, found);
      AccountingSystem.Item item = match.orElseGet(() -> create(order, division, p));
      bindings.bind(
          integrationId,
          division,
          BindingKind.ITEM,
          p.key(),
          new Binding(item.id(), item.code(), null));
      ids.put(p.key(), item.id());
    }
    return ids;
  }

  private AccountingSystem.Item create(OrderKey order, String division, DocumentMapper.Product p) {
    AccountingSystem.Item item = accounting.createItem(order.integrationId(), division, p.item());
    mirror.created(division, item);
    events.record(
        order,
        "ITEM",
        "Created item "
            + p.item().code()
            + " ("
            + p.item().description()
            + ") in Exact Online: no item had code "
            + p.item().code()
            + (p.item().barcode() == null ? "" : " or barcode " + p.item().barcode()),
        clock.instant());
    return item;
  }

  /**
   * Every unknown product's code and barcode: from Koppel's copy of the division's items when it is
   * current, else asked of Exact in as few calls as the URL length allows.
   */
  private List<AccountingSystem.Item> lookUp(
      UUID integrationId, String division, List<DocumentMapper.Product> unknown) {
    if (unknown.isEmpty()) {
      return List.of();
    }
    Set<String> allCodes = new LinkedHashSet<>();
    Set<String> allBarcodes = new LinkedHashSet<>();
    for (DocumentMapper.Product p : unknown) {
      allCodes.add(p.item().code());
      if (p.item().barcode() != null) {
        allBarcodes.add(p.item().barcode());
      }
    }
    Optional<List<AccountingSystem.Item>> mirrored =
        mirror.items(integrationId, division, allCodes, allBarcodes);
    if (mirrored.isPresent()) {
      return mirrored.get();
    }
    List<AccountingSystem.Item> found = new ArrayList<>();
    for (int from = 0; from < unknown.size(); from += LOOKUP_CHUNK) {
      List<DocumentMapper.Product> chunk =
          unknown.subList(from, Math.min(unknown.size(), from + LOOKUP_CHUNK));
      Set<String> codes = new LinkedHashSet<>();
      Set<String> barcodes = new LinkedHashSet<>();
      for (DocumentMapper.Product p : chunk) {
        codes.add(p.item().code());
        if (p.item().barcode() != null) {
          barcodes.add(p.item().barcode());
        }
      }
      found.addAll(accounting.findItems(integrationId, division, codes, barcodes));
    }
    return found;
  }

  /** The item with the product's code; else the one with its barcode. */
  private static Optional<AccountingSystem.Item> match(
      DocumentMapper.Product p, List<AccountingSystem.Item> found) {
    String code = p.item().code().trim();
    Optional<AccountingSystem.Item> byCode =
        found.stream()
            .filter(i -> i.code() != null && i.code().trim().equalsIgnoreCase(code))
            .findFirst();
    if (byCode.isPresent() || p.item().barcode() == null) {
      return byCode;
    }
    return found.stream()
        .filter(i -> p.item().barcode().equals(i.barcode() == null ? null : i.barcode().trim()))
        .findFirst();
  }

  /** Koppel's key for a shop product: the item code it is created with. */
  static String itemKey(OrderLine line) {
    return itemCode(line);
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
      code = "KMO-" + shortHash(String.valueOf(line.name()));
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
