package de.akte.ingest.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps dms-ingest a plain-Java pipeline: one package per step, no cycles, no container, and the core's adapters
 * only through their published API.
 */
class IngestArchitectureTest {

    /** The APIs a Jakarta EE container provides; only dms-web may use them. */
    private static final String[] CONTAINER_APIS = {"jakarta.ws..", "jakarta.enterprise..", "jakarta.ejb..",
            "jakarta.servlet..", "jakarta.transaction..", "jakarta.inject..", "jakarta.security..", "jakarta.batch..",
            "jakarta.annotation..", "jakarta.json..", "jakarta.websocket..", "jakarta.faces..", "javax.servlet..",
            "javax.ws..", "javax.ejb..", "javax.enterprise..", "javax.inject.."};

    private static JavaClasses ingest;

    @BeforeAll
    static void importIngest() {
        ingest = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.akte.ingest");
    }

    @Test
    void ingestKnowsNothingOfContainerOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(CONTAINER_APIS)
                .orShould().dependOnClassesThat().resideInAPackage("de.akte.web..")
                .as("dms-ingest uses no container API and does not know dms-web")
                .check(ingest);
    }

    @Test
    void stepsHaveNoPackageCycles() {
        slices().matching("de.akte.ingest.(*)..").should().beFreeOfCycles()
                .as("dms-ingest's step packages are free of cycles")
                .check(ingest);
        slices().matching("de.akte.ingest.(**)").should().beFreeOfCycles()
                .as("dms-ingest's packages are free of cycles")
                .check(ingest);
    }

    @Test
    void coreAdaptersOnlyThroughTheirPublishedApi() {
        noClasses().should().dependOnClassesThat(resideInAPackage("de.akte.core.infrastructure..")
                        .and(not(resideInAPackage("de.akte.core.infrastructure.*.api.."))))
                .as("dms-ingest uses the core's technology adapters only through their published api packages")
                .check(ingest);
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("de.akte.ingest.cli..")
                .should().dependOnClassesThat().resideInAPackage("de.akte.ingest.cli..")
                .as("nothing in dms-ingest depends on the command-line client")
                .check(ingest);
    }
}
