package koppel.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
 * KOPPEL_DEMO_SHOP_PORT} (8082), {@code KOPPEL_DEMO_VIES_PORT} (8083), the demo mailbox {@code
 * KOPPEL_DEMO_MAIL_PORT} (8084) with its SMTP server on {@code KOPPEL_DEMO_SMTP_PORT} (2525). All
 * data lives in {@code ./koppel-data}.
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
    int mailPort = port("KOPPEL_DEMO_MAIL_PORT", 8084);
    int smtpPort = port("KOPPEL_DEMO_SMTP_PORT", 2525);
    for (int p : List.of(appPort, exactPort, shopPort, viesPort, mailPort, smtpPort)) {
      requireFree(p);
    }
    Running demo =
        start(
            Path.of("koppel-data"),
            appPort,
            exactPort,
            shopPort,
            viesPort,
            mailPort,
            smtpPort,
            List.of(args));
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close));

    DemoSeed.Result seeded = demo.seed();
    String appUrl = demo.appUrl();
    String exactUrl = demo.exactUrl();
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
    System.out.println(
        " KMO Shops        " + demo.shopUrl() + "/admin   (shop " + seeded.shopId() + ")");
    System.out.println(" VIES sandbox     " + demo.viesUrl() + "/admin");
    System.out.println(
        " Sent e-mail      " + demo.mailbox().url + "   (try " + appUrl + "/signup)");
    System.out.println();
    System.out.println(" " + seeded.summary());
    System.out.println(" Stop with Ctrl+C. Koppel's data stays in ./koppel-data.");
    System.out.println("==================================================================");
  }

  /** The demo's servers, running; {@link #seed()} fills them, {@link #close()} stops them. */
  public record Running(
      List<ConfigurableApplicationContext> servers,
      String appUrl,
      String exactUrl,
      String shopUrl,
      String viesUrl,
      DemoMailbox mailbox)
      implements AutoCloseable {

    /** Seeds the demo shop and administration (skipped when an earlier run did) and books. */
    public DemoSeed.Result seed() throws Exception {
      return new DemoSeed(appUrl, exactUrl, shopUrl).run();
    }

    @Override
    public void close() {
      for (int i = servers.size() - 1; i >= 0; i--) {
        servers.get(i).close();
      }
      mailbox.close();
    }
  }

  /**
   * Starts the three sandboxes and Koppel, each a real HTTP server, with all their data under
   * {@code dataDir} (Koppel's embedded PostgreSQL, its key, the sandboxes' state files).
   */
  public static Running start(
      Path dataDir,
      int appPort,
      int exactPort,
      int shopPort,
      int viesPort,
      List<String> extraAppArgs) {
    return start(
        dataDir, appPort, exactPort, shopPort, viesPort, freePort(), freePort(), extraAppArgs);
  }

  /** As above, with the demo mailbox's web page and SMTP server on these ports. */
  public static Running start(
      Path dataDir,
      int appPort,
      int exactPort,
      int shopPort,
      int viesPort,
      int mailPort,
      int smtpPort,
      List<String> extraAppArgs) {
    DemoMailbox mailbox;
    try {
      mailbox = new DemoMailbox(smtpPort, mailPort);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
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
                dataDir.resolve("sandboxes/exact.state").toString(),
                "sandbox.exact.minutely-limit",
                1200)));
    running.add(
        KmoShopsSandboxApplication.start(
            Map.of(
                "server.port",
                shopPort,
                "sandbox.kmoshops.state-file",
                dataDir.resolve("sandboxes/kmoshops.state").toString(),
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
                "--koppel.data-dir=" + dataDir,
                "--koppel.operator.password=" + OPERATOR_PASSWORD,
                "--koppel.exact.base-url=" + exactUrl,
                "--koppel.exact.client-id=" + CLIENT_ID,
                "--koppel.exact.client-secret=" + CLIENT_SECRET,
                "--koppel.kmoshops.base-url=" + shopUrl,
                "--koppel.kmoshops.client-id=" + CLIENT_ID,
                "--koppel.kmoshops.client-secret=" + CLIENT_SECRET,
                "--koppel.vat.vies.base-url=" + viesUrl + ViesSandboxApplication.BASE_PATH,
                "--koppel.vat.vies.requester-country=BE",
                "--koppel.vat.vies.requester-number=0403170701",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--koppel.mail.first-retry=5s",
                "--koppel.mail.from=Koppel <koppel@koppel.example>"));
    appArgs.addAll(extraAppArgs);
    running.add(
        new SpringApplicationBuilder(KoppelApplication.class).run(appArgs.toArray(String[]::new)));
    return new Running(running, appUrl, exactUrl, shopUrl, viesUrl, mailbox);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
              + " with KOPPEL_DEMO_PORT, KOPPEL_DEMO_EXACT_PORT, KOPPEL_DEMO_SHOP_PORT,"
              + " KOPPEL_DEMO_VIES_PORT, KOPPEL_DEMO_MAIL_PORT and KOPPEL_DEMO_SMTP_PORT.");
      System.exit(2);
    }
  }
}
