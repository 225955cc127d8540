package koppel.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import koppel.KoppelApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import sandbox.exact.ExactSandboxApplication;
import sandbox.kmoshops.KmoShopsSandboxApplication;
import sandbox.vies.ViesSandboxApplication;

/**
 * Starts the whole product on one machine: the Exact Online sandbox, the KMO Shops sandbox and
 * Koppel, each a real HTTP server; seeds a demo shop and administration and prints where to look.
 *
 * <p>Ports: {@code KOPPEL_DEMO_PORT} (8080), {@code KOPPEL_DEMO_EXACT_PORT} (8081), {@code
 * KOPPEL_DEMO_SHOP_PORT} (8082). Koppel's data lives in {@code ./koppel-data}.
 */
public final class DemoLauncher {

  static final String CLIENT_ID = "koppel-demo";
  static final String CLIENT_SECRET = "koppel-demo-secret";
  static final String OPERATOR_PASSWORD = "operator";

  private DemoLauncher() {}

  public static void main(String[] args) throws Exception {
    int appPort = port("KOPPEL_DEMO_PORT", 8080);
    int exactPort = port("KOPPEL_DEMO_EXACT_PORT", 8081);
    int shopPort = port("KOPPEL_DEMO_SHOP_PORT", 8082);
    int viesPort = port("KOPPEL_DEMO_VIES_PORT", 8083);
    for (int p : List.of(appPort, exactPort, shopPort, viesPort)) {
      requireFree(p);
    }
    String appUrl = "http://localhost:" + appPort;
    String exactUrl = "http://localhost:" + exactPort;
    String shopUrl = "http://localhost:" + shopPort;
    String viesUrl = "http://localhost:" + viesPort;

    List<ConfigurableApplicationContext> running = new ArrayList<>();
    // the demo books a month of orders at start: its sandboxes allow more calls a minute than
    // Exact (60) and KMO Shops (120) do, so that takes seconds, not ten minutes
    running.add(
        ExactSandboxApplication.start(
            Map.of(
                "server.port",
                exactPort,
                "sandbox.exact.state-file",
                "koppel-data/sandboxes/exact.state",
                "sandbox.exact.minutely-limit",
                1200)));
    running.add(
        KmoShopsSandboxApplication.start(
            Map.of(
                "server.port",
                shopPort,
                "sandbox.kmoshops.state-file",
                "koppel-data/sandboxes/kmoshops.state",
                "sandbox.kmoshops.requests-per-minute",
                1200)));
    // the demo's VIES knows every well-formed VAT number (outages can be set on its admin page)
    running.add(
        ViesSandboxApplication.start(
            Map.of("server.port", viesPort, "sandbox.vies.unknown-numbers-valid", true)));
    List<String> appArgs =
        new ArrayList<>(
            List.of(
                "--server.port=" + appPort,
                "--koppel.public-url=" + appUrl,
                "--koppel.operator.password=" + OPERATOR_PASSWORD,
                "--koppel.exact.base-url=" + exactUrl,
                "--koppel.exact.client-id=" + CLIENT_ID,
                "--koppel.exact.client-secret=" + CLIENT_SECRET,
                "--koppel.kmoshops.base-url=" + shopUrl,
                "--koppel.kmoshops.client-id=" + CLIENT_ID,
                "--koppel.kmoshops.client-secret=" + CLIENT_SECRET,
                "--koppel.vat.vies.base-url=" + viesUrl + ViesSandboxApplication.BASE_PATH,
                "--koppel.vat.vies.requester-country=BE",
                "--koppel.vat.vies.requester-number=0403170701"));
    appArgs.addAll(List.of(args));
    running.add(
        new SpringApplicationBuilder(KoppelApplication.class).run(appArgs.toArray(String[]::new)));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (int i = running.size() - 1; i >= 0; i--) {
                    running.get(i).close();
                  }
                }));

    DemoSeed.Result seeded = new DemoSeed(appUrl, exactUrl, shopUrl).run();
    System.out.println();
    System.out.println("==================================================================");
    System.out.println(" Koppel demo is running");
    System.out.println();
    System.out.println(" Dashboard        " + appUrl + "/dashboard");
    System.out.println(" Login            " + DemoSeed.LOGIN + " / " + DemoSeed.PASSWORD);
    System.out.println(
        " Operator API     " + appUrl + "/api/operator  (operator / " + OPERATOR_PASSWORD + ")");
    System.out.println();
    System.out.println(
        " Exact sandbox    " + exactUrl + "/admin   (division " + seeded.division() + ")");
    System.out.println(
        " Booked invoices  "
            + exactUrl
            + "/admin/divisions/"
            + seeded.division()
            + "/salesinvoice/SalesInvoices");
    System.out.println(" KMO Shops        " + shopUrl + "/admin   (shop " + seeded.shopId() + ")");
    System.out.println(" VIES sandbox     " + viesUrl + "/admin");
    System.out.println();
    System.out.println(" " + seeded.summary());
    System.out.println(" Stop with Ctrl+C. Koppel's data stays in ./koppel-data.");
    System.out.println("==================================================================");
  }

  private static int port(String env, int fallback) {
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static void requireFree(int port) {
    try (ServerSocket ignored = new ServerSocket(port)) {
      // free
    } catch (IOException e) {
      System.err.println(
          "Port "
              + port
              + " is in use. Stop what uses it, or choose other ports"
              + " with KOPPEL_DEMO_PORT, KOPPEL_DEMO_EXACT_PORT and KOPPEL_DEMO_SHOP_PORT.");
      System.exit(2);
    }
  }
}
