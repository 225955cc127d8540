package sandbox.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The orders API of contract §2–3: the order JSON, sorting by updatedAt then id (ties share a
 * second), every filter with inclusive bounds at whole-second precision, paging and its meta, every
 * 422, and the documented drift of an order updated while a client pages. The sandbox clock is
 * frozen so that the test decides which orders share a second.
 */
class OrdersApiIT {

  private final Sandbox sandbox = Sandbox.shared();
  private long shopId;
  private String token;

  @BeforeEach
  void setUp() {
    sandbox.reset();
    sandbox.freezeAt("2026-11-03T09:00:00Z"); // 10:00:00+01:00 in Brussels
    shopId = sandbox.shop("BE");
    token = sandbox.install(shopId).token();
  }

  @Test
  void theContractsExampleOrder() {
    Map<String, Object> draft = Sandbox.draft("12.10", "2026-11-03T10:15:00+01:00");
    draft.put(
        "lines",
        List.of(
            Map.of(
                "productId",
                77,
                "sku",
                "WIJN-001",
                "ean",
                "5412345678901",
                "name",
                "Rode wijn",
                "variant",
                "75 cl",
                "quantity",
                "2",
                "unitPrice",
                "12.10",
                "discount",
                "1.21",
                "vatRate",
                "21")));
    draft.put("shipping", Map.of("title", "bpost", "price", "6.05", "vatRate", "21"));
    draft.put(
        "discounts",
        List.of(
            Map.of(
                "code",
                "WELKOM5",
                "title",
                "Welcome discount",
                "amount",
                "2.42",
                "vatRate",
                "21")));
    long id = sandbox.order(shopId, draft).path("id").asLong();

    JsonNode o = sandbox.get("/api/v1/orders/" + id, token).json();

    assertThat(o.propertyNames())
        .containsExactly(
            "id",
            "number",
            "createdAt",
            "updatedAt",
            "status",
            "paymentStatus",
            "paymentMethod",
            "currency",
            "pricesIncludeTax",
            "language",
            "customer",
            "billingAddress",
            "shippingAddress",
            "lines",
            "shipping",
            "paymentFee",
            "discounts",
            "totals");
    assertThat(o.path("number").asString()).isEqualTo("2026-000001");
    assertThat(o.path("createdAt").asString()).isEqualTo("2026-11-03T10:15:00+01:00");
    assertThat(o.path("updatedAt").asString()).isEqualTo("2026-11-03T10:15:00+01:00");
    assertThat(o.path("shippingAddress").isNull()).isTrue();
    assertThat(o.path("paymentFee").isNull()).isTrue();
    JsonNode line = o.path("lines").path(0);
    assertThat(line.path("quantity").asString()).isEqualTo("2");
    assertThat(line.path("unitPriceExcl").asString()).isEqualTo("10.0000");
    assertThat(line.path("unitPriceIncl").asString()).isEqualTo("12.1000");
    assertThat(line.path("discountExcl").asString()).isEqualTo("1.0000");
    assertThat(line.path("vatRate").asString()).isEqualTo("21.00");
    assertThat(line.path("totalExcl").asString()).isEqualTo("19.0000");
    assertThat(line.path("totalVat").asString()).isEqualTo("3.9900");
    assertThat(line.path("totalIncl").asString()).isEqualTo("22.9900");
    assertThat(o.path("shipping").path("priceExcl").asString()).isEqualTo("5.0000");
    assertThat(o.path("discounts").path(0).path("amountExcl").asString()).isEqualTo("2.0000");
    JsonNode t = o.path("totals");
    assertThat(t.path("subtotalIncl").asString()).isEqualTo("22.99");
    assertThat(t.path("totalExcl").asString()).isEqualTo("22.00");
    assertThat(t.path("totalVat").asString()).isEqualTo("4.62");
    assertThat(t.path("totalIncl").asString()).isEqualTo("26.62");
    assertThat(t.path("vatBreakdown").path(0).propertyNames())
        .containsExactly("rate", "base", "vat");
    assertThat(t.path("vatBreakdown").path(0).path("vat").asString()).isEqualTo("4.62");
  }

  @Test
  void sortedByUpdatedAtThenIdWithTiesOnOneSecond() {
    long a = sandbox.order(shopId, "10.00").path("id").asLong();
    long b = sandbox.order(shopId, "11.00").path("id").asLong();
    long c = sandbox.order(shopId, "12.00").path("id").asLong();
    sandbox.advance(10);
    long d = sandbox.order(shopId, "13.00").path("id").asLong();
    long e = sandbox.order(shopId, "14.00").path("id").asLong();
    sandbox.advance(5);
    sandbox.admin("POST", "/admin/shops/" + shopId + "/orders/" + a + "/pay", Map.of());

    Sandbox.Response r = sandbox.get("/api/v1/orders", token);

    assertThat(r.json().propertyNames()).containsExactly("orders", "meta");
    assertThat(ids(r)).containsExactly(b, c, d, e, a);
    assertThat(r.json().path("orders").path(0).path("updatedAt").asString())
        .isEqualTo(r.json().path("orders").path(1).path("updatedAt").asString())
        .isEqualTo("2026-11-03T10:00:00+01:00");
    JsonNode meta = r.json().path("meta");
    assertThat(meta.propertyNames()).containsExactly("page", "limit", "total", "pageCount");
    assertThat(meta.path("page").asInt()).isEqualTo(1);
    assertThat(meta.path("limit").asInt()).isEqualTo(50);
    assertThat(meta.path("total").asInt()).isEqualTo(5);
    assertThat(meta.path("pageCount").asInt()).isEqualTo(1);
  }

  @Test
  void updatedSinceIsInclusiveAtWholeSeconds() {
    long early = sandbox.order(shopId, "10.00").path("id").asLong(); // 10:00:00+01:00
    sandbox.advance(10);
    long late = sandbox.order(shopId, "11.00").path("id").asLong(); // 10:00:10+01:00

    assertThat(ids("updatedSince=" + Sandbox.enc("2026-11-03T10:00:10+01:00")))
        .containsExactly(late);
    assertThat(ids("updatedSince=2026-11-03T09:00:10Z")).containsExactly(late);
    assertThat(ids("updatedSince=" + Sandbox.enc("2026-11-03T10:00:10.999+01:00")))
        .containsExactly(late);
    assertThat(ids("updatedSince=" + Sandbox.enc("2026-11-03T10:00:11+01:00"))).isEmpty();
    assertThat(ids("updatedSince=" + Sandbox.enc("2026-11-03T10:00:09+01:00")))
        .containsExactly(late);
    assertThat(ids("updatedSince=" + Sandbox.enc("2026-11-03T10:00:00+01:00")))
        .containsExactly(early, late);
  }

  @Test
  void createdFromAndCreatedToAreInclusive() {
    long first =
        sandbox
            .order(shopId, Sandbox.draft("10.00", "2026-10-01T00:00:00+02:00"))
            .path("id")
            .asLong();
    long middle =
        sandbox
            .order(shopId, Sandbox.draft("11.00", "2026-10-15T12:00:00+02:00"))
            .path("id")
            .asLong();
    long last =
        sandbox
            .order(shopId, Sandbox.draft("12.00", "2026-10-31T23:59:59+01:00"))
            .path("id")
            .asLong();

    String october =
        "createdFrom="
            + Sandbox.enc("2026-10-01T00:00:00+02:00")
            + "&createdTo="
            + Sandbox.enc("2026-10-31T23:59:59+01:00");
    assertThat(ids(october)).containsExactlyInAnyOrder(first, middle, last);
    assertThat(ids("createdFrom=2026-09-30T22:00:01Z")).containsExactlyInAnyOrder(middle, last);
    assertThat(ids("createdTo=2026-10-31T22:59:58Z")).containsExactlyInAnyOrder(first, middle);
    assertThat(ids("createdTo=2026-10-31T22:59:59.5Z"))
        .containsExactlyInAnyOrder(first, middle, last);
    assertThat(ids("createdFrom=2026-10-15T10:00:00Z&createdTo=2026-10-15T10:00:00Z"))
        .containsExactly(middle);
  }

  @Test
  void statusAndPaymentStatusFilters() {
    long paid = sandbox.order(shopId, "10.00").path("id").asLong();
    Map<String, Object> pending = Sandbox.draft("11.00", null);
    pending.put("status", "new");
    pending.put("paymentStatus", "pending");
    pending.put("paymentMethodCode", "banktransfer");
    long transfer = sandbox.order(shopId, pending).path("id").asLong();
    long cancelled = sandbox.order(shopId, "12.00").path("id").asLong();
    sandbox.admin("POST", "/admin/shops/" + shopId + "/orders/" + cancelled + "/cancel", Map.of());

    assertThat(ids("status=processing")).containsExactly(paid);
    assertThat(ids("status=new")).containsExactly(transfer);
    assertThat(ids("status=cancelled")).containsExactly(cancelled);
    assertThat(ids("status=shipped")).isEmpty();
    assertThat(ids("paymentStatus=pending")).containsExactly(transfer);
    assertThat(ids("paymentStatus=refunded")).containsExactly(cancelled);
    assertThat(ids("status=processing&paymentStatus=pending")).isEmpty();
    assertThat(ids("status=new&paymentStatus=pending&updatedSince=2026-11-03T09:00:00Z"))
        .containsExactly(transfer);
  }

  @Test
  void pagingWithMeta() {
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      all.add(sandbox.order(shopId, "1" + i + ".00").path("id").asLong());
    }
    List<Long> walked = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      Sandbox.Response r = sandbox.get("/api/v1/orders?limit=3&page=" + page, token);
      JsonNode meta = r.json().path("meta");
      assertThat(meta.path("page").asInt()).isEqualTo(page);
      assertThat(meta.path("limit").asInt()).isEqualTo(3);
      assertThat(meta.path("total").asInt()).isEqualTo(7);
      assertThat(meta.path("pageCount").asInt()).isEqualTo(3);
      assertThat(ids(r)).hasSize(page < 3 ? 3 : 1);
      walked.addAll(ids(r));
    }
    assertThat(walked).isEqualTo(all);

    Sandbox.Response beyond = sandbox.get("/api/v1/orders?limit=3&page=4", token);
    assertThat(beyond.status()).isEqualTo(200);
    assertThat(ids(beyond)).isEmpty();
    assertThat(beyond.json().path("meta").path("page").asInt()).isEqualTo(4);
    assertThat(
            sandbox
                .get("/api/v1/orders?limit=250", token)
                .json()
                .path("meta")
                .path("limit")
                .asInt())
        .isEqualTo(250);
    assertThat(
            sandbox
                .get("/api/v1/orders?limit=1", token)
                .json()
                .path("meta")
                .path("pageCount")
                .asInt())
        .isEqualTo(7);
    Sandbox.Response none = sandbox.get("/api/v1/orders?status=shipped", token);
    assertThat(none.json().path("meta").path("total").asInt()).isZero();
    assertThat(none.json().path("meta").path("pageCount").asInt()).isZero();
  }

  @Test
  void anOrderUpdatedWhileAClientPagesMovesToTheEnd() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(sandbox.order(shopId, "1" + i + ".00").path("id").asLong());
      sandbox.advance(1);
    }
    assertThat(ids(sandbox.get("/api/v1/orders?limit=2&page=1", token)))
        .containsExactly(ids.get(0), ids.get(1));

    sandbox.admin("POST", "/admin/shops/" + shopId + "/orders/" + ids.get(0) + "/pay", Map.of());

    // the pages are computed per request: the third order is skipped, the first seen twice
    assertThat(ids(sandbox.get("/api/v1/orders?limit=2&page=2", token)))
        .containsExactly(ids.get(3), ids.get(4));
    assertThat(ids(sandbox.get("/api/v1/orders?limit=2&page=3", token)))
        .containsExactly(ids.get(5), ids.get(0));
  }

  @Test
  void invalidQueryParametersAre422Validation() {
    sandbox.order(shopId, "10.00");
    List<String> invalid =
        List.of(
            "limit=0",
            "limit=251",
            "limit=-1",
            "limit=ten",
            "limit=2.5",
            "page=0",
            "page=-1",
            "page=x",
            "updatedSince=yesterday",
            "updatedSince=2026-11-03T10:00:00+01:00", // the '+' unencoded arrives as a space
            "updatedSince=2026-11-03",
            "updatedSince=2026-11-03T10:00:00",
            "createdFrom=2026-13-01T00:00:00Z",
            "createdTo=31-10-2026",
            "status=open",
            "paymentStatus=unpaid");
    for (String q : invalid) {
      Sandbox.Response r = sandbox.get("/api/v1/orders?" + q, token);
      assertThat(r.status()).as(q).isEqualTo(422);
      assertThat(r.errorCode()).as(q).isEqualTo("VALIDATION");
      assertThat(r.errorMessage()).as(q).isNotBlank();
      assertThat(r.json().propertyNames()).containsExactly("error");
    }
    assertThat(
            sandbox.get("/api/v1/orders?updatedSince=2026-11-03T10:00:00%2B01:00", token).status())
        .isEqualTo(200);
    assertThat(
            sandbox
                .get("/api/v1/orders?updatedSince=2026-11-03T10:00:00+01:00", token)
                .errorMessage())
        .contains("%2B");
  }

  @Test
  void oneOrderOrNotFound() {
    long id = sandbox.order(shopId, "10.00").path("id").asLong();
    assertThat(sandbox.get("/api/v1/orders/" + id, token).json().path("id").asLong()).isEqualTo(id);

    Sandbox.Response missing = sandbox.get("/api/v1/orders/999", token);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(missing.errorMessage()).isEqualTo("Order 999 does not exist");
    assertThat(sandbox.get("/api/v1/orders/abc", token).errorCode()).isEqualTo("NOT_FOUND");

    // another shop's order does not exist for this token
    long other = sandbox.shop("NL");
    long foreign = sandbox.order(other, "10.00").path("id").asLong();
    assertThat(sandbox.get("/api/v1/orders/" + foreign, token).status()).isEqualTo(404);
    assertThat(ids(sandbox.get("/api/v1/orders", token))).containsExactly(id);
  }

  private List<Long> ids(String query) {
    Sandbox.Response r = sandbox.get("/api/v1/orders?" + query, token);
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    return ids(r);
  }

  private static List<Long> ids(Sandbox.Response r) {
    return r.json().path("orders").valueStream().map(o -> o.path("id").asLong()).toList();
  }

  @Test
  void anAdminCanCorruptAFieldToTestHowClientsCopeWithABrokenShop() {
    long id = sandbox.order(shopId, "10.00").path("id").asLong();
    sandbox.admin(
        "POST",
        "/admin/shops/" + shopId + "/orders/" + id + "/corrupt",
        java.util.Map.of("path", "lines.0.totalIncl", "value", "12,50"));
    java.util.Map<String, Object> removal = new java.util.HashMap<>();
    removal.put("path", "lines.0.vatRate");
    removal.put("value", null);
    sandbox.admin("POST", "/admin/shops/" + shopId + "/orders/" + id + "/corrupt", removal);
    JsonNode o = sandbox.get("/api/v1/orders/" + id, token).json();
    assertThat(o.path("lines").path(0).path("totalIncl").asString()).isEqualTo("12,50");
    assertThat(o.path("lines").path(0).has("vatRate")).isFalse();
    assertThat(o.path("totals").path("totalIncl").asString()).isEqualTo("10.00");
    Sandbox.Response unknown =
        sandbox.post(
            "/admin/shops/" + shopId + "/orders/" + id + "/corrupt",
            null,
            java.util.Map.of("path", "lines.7.totalIncl", "value", "x"));
    assertThat(unknown.status()).isEqualTo(422);
  }
}
