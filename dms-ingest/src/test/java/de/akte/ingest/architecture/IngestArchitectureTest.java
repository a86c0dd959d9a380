package de.akte.ingest.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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

    /**
     * Only the entry points of the two processes this module starts read their environment: the reader process
     * ({@code ParserMain}, whose settings its parent passes as system properties) and the command line
     * ({@code ImportCommand}: the password variable; {@code BatchKey}: the host name). Two more read facts of the
     * platform, not settings: {@code TesseractProcess} the operating system's name (its null device),
     * {@code ParserSettings.ofThisJvm} the running JVM's home and class path. Everything else receives settings.
     */
    @Test
    void onlyEntryPointsReadTheEnvironment() {
        java.util.Set<String> allowed = java.util.Set.of("de.akte.ingest.isolation.ParserMain",
                "de.akte.ingest.isolation.ParserSettings", "de.akte.ingest.ocr.TesseractProcess",
                "de.akte.ingest.cli.ImportCommand", "de.akte.ingest.cli.BatchKey");
        noClasses().that(DescribedPredicate.describe("are no entry point or platform probe",
                        c -> !allowed.contains(c.getName().replaceFirst("\\$.*", ""))))
                .should().callMethodWhere(DescribedPredicate.describe(
                        "read environment variables or system properties", (JavaMethodCall call) ->
                                call.getTargetOwner().isEquivalentTo(System.class)
                                        && call.getName().matches("getenv|getProperty|getProperties")
                                        || call.getName().matches("getInteger|getLong|getBoolean")
                                        && call.getTargetOwner().getPackageName().equals("java.lang")))
                .as("only the entry points of dms-ingest's processes read environment variables or system properties")
                .check(ingest);
    }
}
