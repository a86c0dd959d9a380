package de.akte.core.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps dms-core plain Java: features first, adapters apart and depending inward, no cycles, no container. */
class CoreArchitectureTest {

    /** The APIs a Jakarta EE container provides; only dms-web may use them (JPA's annotations are the exception). */
    private static final String[] CONTAINER_APIS = {"jakarta.ws..", "jakarta.enterprise..", "jakarta.ejb..",
            "jakarta.servlet..", "jakarta.transaction..", "jakarta.inject..", "jakarta.security..", "jakarta.batch..",
            "jakarta.annotation..", "jakarta.json..", "jakarta.websocket..", "jakarta.faces..", "javax.servlet..",
            "javax.ws..", "javax.ejb..", "javax.enterprise..", "javax.inject.."};

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.akte.core");
    }

    @Test
    void coreKnowsNothingOfContainerOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(CONTAINER_APIS)
                .orShould().dependOnClassesThat().resideInAnyPackage("de.akte.web..", "de.akte.ingest..")
                .as("dms-core uses no container API and knows neither dms-ingest nor dms-web")
                .check(core);
    }

    @Test
    void domainDoesNotDependOnTechnologyAdapters() {
        noClasses().that().resideOutsideOfPackage("de.akte.core.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("de.akte.core.infrastructure..",
                        "org.apache.lucene..", "io.minio..", "org.flywaydb..", "org.hibernate..")
                .as("the domain does not depend on technology adapters")
                .check(core);
    }

    @Test
    void technologyAdaptersDependOnlyInward() {
        noClasses().that().resideInAPackage("de.akte.core.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("de.akte.core.application..")
                .as("technology adapters implement the domain's ports and never call the application services")
                .check(core);
        slices().matching("de.akte.core.infrastructure.(*)..").should().notDependOnEachOther()
                .as("technology adapters do not depend on each other")
                .check(core);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("de.akte.core.(*)..").should().beFreeOfCycles()
                .as("dms-core's feature packages are free of cycles")
                .check(core);
    }

    @Test
    void noPackageCyclesWithinAFeatureOrAdapterEither() {
        slices().matching("de.akte.core.(**)").should().beFreeOfCycles()
                .as("dms-core's packages are free of cycles")
                .check(core);
    }

    @Test
    void applicationFeaturesHaveNoCycles() {
        slices().matching("de.akte.core.application.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theCoreReadsNoEnvironment() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                        "read environment variables or system properties", (JavaMethodCall call) ->
                                call.getTargetOwner().isEquivalentTo(System.class)
                                        && call.getName().matches("getenv|getProperty|getProperties")
                                        || call.getName().matches("getInteger|getLong|getBoolean")
                                        && call.getTargetOwner().getPackageName().equals("java.lang")))
                .as("dms-core reads no environment variables or system properties")
                .because("its settings come from the composition root (CoreSettings)")
                .check(core);
    }
}
