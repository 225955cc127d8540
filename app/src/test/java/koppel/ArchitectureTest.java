package koppel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dependency rules of architecture.md, as tests. Each rule first asserts that the package it
 * guards has classes, so renaming a package cannot make a rule silently check nothing.
 */
class ArchitectureTest {

  private static JavaClasses koppel;

  @BeforeAll
  static void importClasses() {
    koppel =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("koppel");
  }

  private static void assertNotEmpty(String... packages) {
    for (String p : packages) {
      assertThat(koppel.that(JavaClass.Predicates.resideInAPackage(p)))
          .as("package %s has classes", p)
          .isNotEmpty();
    }
  }

  @Test
  void domainAndVatDependOnJavaOnly() {
    assertNotEmpty("koppel.order.domain..", "koppel.vat..");
    classes()
        .that()
        .resideInAnyPackage("koppel.order.domain..", "koppel.vat..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "koppel.order.domain..", "koppel.vat..")
        .check(koppel);
  }

  @Test
  void pipelineNeverTouchesConnectorsPersistenceOrWeb() {
    assertNotEmpty("koppel.order.pipeline..");
    noClasses()
        .that()
        .resideInAPackage("koppel.order.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "koppel.connector..",
            "koppel.persistence..",
            "koppel.web..",
            "koppel.config..",
            "org.springframework.web..",
            "org.springframework.jdbc..",
            "java.sql..")
        .check(koppel);
    classes()
        .that()
        .resideInAPackage("koppel.order.pipeline..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "org.slf4j..",
            "org.springframework.stereotype..",
            "koppel.order..",
            "koppel.vat..",
            "koppel.integration..")
        .check(koppel);
  }

  @Test
  void pipelineNeverCallsTheQueue() {
    assertNotEmpty("koppel.order.pipeline..", "koppel.jobs..");
    noClasses()
        .that()
        .resideInAPackage("koppel.order.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("koppel.jobs..")
        .check(koppel);
  }

  @Test
  void connectorsKnowOnlyPortsAndDomain() {
    knowsOnly("koppel.connector.exact..", "koppel.order.port..", "koppel.order.domain..");
    knowsOnly("koppel.connector.kmoshops..", "koppel.order.port..", "koppel.order.domain..");
  }

  @Test
  void viesConnectorKnowsOnlyTheVatPort() {
    knowsOnly("koppel.connector.vies..", "koppel.vat..");
  }

  /** Classes of {@code own} use, of Koppel, only {@code own} and {@code allowed}. */
  private static void knowsOnly(String own, String... allowed) {
    assertNotEmpty(own);
    String[] packages = new String[allowed.length + 1];
    packages[0] = own;
    System.arraycopy(allowed, 0, packages, 1, allowed.length);
    noClasses()
        .that()
        .resideInAPackage(own)
        .should()
        .dependOnClassesThat(
            DescribedPredicate.and(
                JavaClass.Predicates.resideInAPackage("koppel.."),
                DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(packages))))
        .check(koppel);
  }

  @Test
  void connectorRecordsNeverLeaveTheirConnector() {
    assertNotEmpty("koppel.connector.exact..");
    noClasses()
        .that()
        .resideOutsideOfPackage("koppel.connector.exact..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("ExactRecords")
        .check(koppel);
    noClasses()
        .that()
        .resideOutsideOfPackage("koppel.connector.kmoshops..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("KmoOrderJson")
        .check(koppel);
  }

  @Test
  void onlyPersistenceTouchesSql() {
    assertNotEmpty("koppel.persistence..");
    noClasses()
        .that()
        .resideOutsideOfPackages("koppel.persistence..", "koppel.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.springframework.jdbc..",
            "org.postgresql..",
            "com.zaxxer..")
        .check(koppel);
  }

  @Test
  void onlyConfigWires() {
    assertNotEmpty("koppel.config..");
    noClasses()
        .that()
        .resideOutsideOfPackage("koppel.config..")
        .should()
        .beAnnotatedWith(Configuration.class)
        .check(koppel);
    noClasses()
        .that()
        .resideOutsideOfPackage("koppel.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("koppel.config..")
        .check(koppel);
    classes()
        .that()
        .resideOutsideOfPackage("koppel.config..")
        .should(
            new ArchCondition<>("not declare @Bean methods") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                c.getMethods().stream()
                    .filter(m -> m.isAnnotatedWith(Bean.class))
                    .forEach(
                        m ->
                            events.add(
                                SimpleConditionEvent.violated(m, m.getFullName() + " is a @Bean")));
              }
            })
        .check(koppel);
  }

  @Test
  void noPackageCycles() {
    slices().matching("koppel.(**)").should().beFreeOfCycles().check(koppel);
  }

  @Test
  void nobodyReadsTheWallClockButConfig() {
    assertNotEmpty("koppel.order..", "koppel.jobs..", "koppel.connector..");
    noClasses()
        .that()
        .resideOutsideOfPackage("koppel.config..")
        .should(
            new ArchCondition<>("read the wall clock directly") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                  String owner = call.getTargetOwner().getFullName();
                  String name = call.getName();
                  boolean wallClock =
                      (name.equals("now") && owner.startsWith("java.time."))
                          || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"))
                          || (owner.equals("java.time.Clock") && name.startsWith("system"));
                  if (wallClock) {
                    events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                  }
                }
              }
            })
        .check(koppel);
  }
}
