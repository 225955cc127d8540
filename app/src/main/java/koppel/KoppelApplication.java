package koppel;

import koppel.vat.VatCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Koppel: books every KMO Shops order into Exact Online exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KoppelApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("vat-check")) {
      // an operator command: no server, no database
      VatCheckCommand.run(System.in, System.out);
      System.exit(0);
    }
    SpringApplication.run(KoppelApplication.class, args);
  }
}
