package de.akte.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps dms-core plain Java: features first, adapters apart, no cycles, no container. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.akte.core");
    }

    @Test
    void coreKnowsNothingOfContainerOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "jakarta.ws..", "jakarta.enterprise..", "jakarta.ejb..", "jakarta.servlet..", "jakarta.transaction..",
                "jakarta.inject..", "jakarta.security..", "jakarta.batch..", "de.akte.web..", "de.akte.ingest..")
                .check(core);
    }

    @Test
    void domainDoesNotDependOnTechnologyAdapters() {
        noClasses().that().resideOutsideOfPackage("de.akte.core.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("de.akte.core.infrastructure..",
                        "org.apache.lucene..", "io.minio..", "org.flywaydb..", "org.hibernate..")
                .check(core);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("de.akte.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void applicationFeaturesHaveNoCycles() {
        slices().matching("de.akte.core.application.(*)..").should().beFreeOfCycles().check(core);
    }
}
