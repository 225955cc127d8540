package koppel.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import koppel.support.Http;
import koppel.support.KoppelSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The KMO Shops sandbox's generator writes a realistic month (domestic, OSS destinations, ICP with
 * messy VAT numbers, exports, territories) with its own VAT-number algorithms and a few broken
 * orders. Koppel, with a merchant's full VAT configuration, must book every sound order and stop
 * exactly the broken ones, each with the right code: two independent implementations of the VAT
 * rules agree.
 */
class GeneratedOrdersVatIT {

  private static final int COUNT = 300;

  private static KoppelSystem system;
  private static KoppelSystem.Seeded seeded;

  @BeforeAll
  static void start() {
    // a month of orders at once: the sandboxes allow more calls a minute than the real APIs
    system =
        KoppelSystem.start(
            Map.of("sandbox.exact.minutely-limit", 3000),
            Map.of("sandbox.kmoshops.requests-per-minute", 3000),
            Map.of());
    seeded = system.seedIntegration("generated");
    system.belgianVatTable(seeded);
    // guests without e-mail (phone orders) are booked on the merchant's guest debtor
    system.createDebtor(seeded, "9999", "Webshop guests");
    system.settings(seeded, Map.of("fallbackDebtor", "9999"));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void soundOrdersAreBookedAndBrokenOnesStopWithTheirCode() {
    JsonNode generated =
        Http.post(
                system.shopsUrl + "/admin/shops/" + seeded.shopId() + "/generate",
                Map.of("count", COUNT, "seed", 11, "brokenRate", 0.1))
            .json();
    Map<Long, String> broken = new HashMap<>();
    for (JsonNode b : generated.path("broken")) {
      broken.put(b.path("orderId").asLong(), b.path("kind").asString());
    }
    JsonNode mix = generated.path("mix");
    assertThat(broken.values()).contains("VAT_NUMBER", "COUNTRY", "TOTALS");

    List<JsonNode> orders = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              orders.clear();
              system
                  .operatorGet("/api/orders?size=1000&integration=" + seeded.integrationId())
                  .json()
                  .path("orders")
                  .forEach(orders::add);
              return orders.size() == COUNT
                  && orders.stream()
                      .map(o -> o.path("state").asString())
                      .noneMatch(s -> s.equals("QUEUED") || s.equals("BOOKING"));
            });

    Map<String, Set<String>> vatNumbersPerEmail = vatNumbersPerEmail();
    Map<String, Integer> booked = new HashMap<>();
    for (JsonNode o : orders) {
      long id = o.path("key").path("shopOrderId").asLong();
      String state = o.path("state").asString();
      String code = o.path("error").path("code").asString("");
      String kind = broken.get(id);
      if (kind == null && code.equals("ICP_DEBTOR_VAT_NUMBER")) {
        // the generator gave two buyers with the same name one e-mail address: the debtor of
        // that address carries another buyer's VAT number (or none); a person must decide
        String email = shopEmail(id);
        assertThat(vatNumbersPerEmail.get(email))
            .as("VAT numbers ordered with %s", email)
            .hasSizeGreaterThan(1);
        booked.merge("SHARED_EMAIL", 1, Integer::sum);
      } else if (kind == null) {
        assertThat(state)
            .as("order %s (%s)", o.path("orderNumber").asString(), code)
            .isIn("BOOKED", "OPEN", "SKIPPED");
        booked.merge(state, 1, Integer::sum);
      } else if (state.equals("OPEN") || state.equals("SKIPPED")) {
        // not paid yet, or cancelled: Koppel does not look at its amounts yet
        booked.merge("BROKEN_" + state, 1, Integer::sum);
      } else {
        // a total one cent off included: no tolerance, the merchant sees both figures
        assertThat(state).as("broken order %s (%s)", id, kind).isEqualTo("FAILED");
        assertThat(code)
            .as("broken order %s (%s)", id, kind)
            .isIn(
                switch (kind) {
                  case "VAT_NUMBER" -> Set.of("ICP_VAT_NUMBER_INVALID");
                  case "COUNTRY" -> Set.of("UNKNOWN_COUNTRY");
                  default -> Set.of("TOTALS_MISMATCH", "VAT_TOTAL_MISMATCH");
                });
      }
    }
    System.out.printf(
        "Generated %d orders (ICP %s, OSS %s, exports %s): %s, broken %d%n",
        COUNT,
        mix.path("icpCountries"),
        mix.path("ossCountries"),
        mix.path("exportCountries"),
        booked,
        broken.size());
    assertThat(booked.get("BOOKED")).isGreaterThan(COUNT / 2);
  }

  /** Per e-mail address (lower case), the VAT numbers its orders carry ("" for none). */
  private static Map<String, Set<String>> vatNumbersPerEmail() {
    Map<String, Set<String>> out = new HashMap<>();
    for (int page = 1; page <= COUNT / 250 + 1; page++) {
      for (JsonNode o :
          Http.getBearer(
                  system.shopsUrl + "/api/v1/orders?limit=250&page=" + page, seeded.shopToken())
              .json()
              .path("orders")) {
        String email = o.path("customer").path("email").asString("").toLowerCase(Locale.ROOT);
        String vat =
            o.path("customer").path("vatNumber").asString("").replaceAll("[^A-Za-z0-9]", "");
        out.computeIfAbsent(email, e -> new HashSet<>()).add(vat.toUpperCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static String shopEmail(long orderId) {
    return Http.getBearer(system.shopsUrl + "/api/v1/orders/" + orderId, seeded.shopToken())
        .json()
        .path("customer")
        .path("email")
        .asString("")
        .toLowerCase(Locale.ROOT);
  }
}
