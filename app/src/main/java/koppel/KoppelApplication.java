package koppel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Koppel: books every KMO Shops order into Exact Online exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KoppelApplication {

  public static void main(String[] args) {
    SpringApplication.run(KoppelApplication.class, args);
  }
}
