package de.akte.web.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.akte.core.shared.UnitOfWork;
import de.akte.web.infrastructure.AkteSettings;
import de.akte.web.infrastructure.CoreBeans;
import de.akte.web.infrastructure.SecuritySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps dms-web an adapter: resources and jobs map HTTP and batch onto one service call each, the composition
 * root alone knows the core's technology adapters, no package cycles; and container APIs stay in this module.
 */
class WebArchitectureTest {

    /** The APIs a Jakarta EE container provides; only dms-web may use them. */
    private static final String[] CONTAINER_APIS = {"jakarta.ws..", "jakarta.enterprise..", "jakarta.ejb..",
            "jakarta.servlet..", "jakarta.transaction..", "jakarta.inject..", "jakarta.security..", "jakarta.batch..",
            "jakarta.annotation..", "jakarta.json..", "jakarta.websocket..", "jakarta.faces..", "javax.servlet..",
            "javax.ws..", "javax.ejb..", "javax.enterprise..", "javax.inject.."};

    /** Calls that read the process's environment or system properties. */
    private static final DescribedPredicate<JavaMethodCall> READS_ENVIRONMENT =
            DescribedPredicate.describe("read environment variables or system properties", call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return owner.equals(System.class.getName())
                        && (name.equals("getenv") || name.equals("getProperty") || name.equals("getProperties"))
                        || owner.equals(Integer.class.getName()) && name.equals("getInteger")
                        || owner.equals(Long.class.getName()) && name.equals("getLong")
                        || owner.equals(Boolean.class.getName()) && name.equals("getBoolean");
            });

    private static JavaClasses web;
    private static JavaClasses everything;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        web = importer.importPackages("de.akte.web");
        everything = importer.importPackages("de.akte");
    }

    @Test
    void webPackagesHaveNoCycles() {
        slices().matching("de.akte.web.(*)..").should().beFreeOfCycles()
                .as("dms-web's packages are free of cycles")
                .check(web);
        slices().matching("de.akte.web.(**)").should().beFreeOfCycles()
                .as("dms-web's sub-packages are free of cycles")
                .check(web);
    }

    @Test
    void resourcesAndJobsTouchNoRepositoriesPersistenceOrTransactions() {
        noClasses().that().resideInAnyPackage("de.akte.web.interfaces..", "de.akte.web.batch..")
                .should().dependOnClassesThat(simpleNameEndingWith("Repository")
                        .or(resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..",
                                "jakarta.transaction.."))
                        .or(assignableTo(UnitOfWork.class))
                        .or(assignableTo(CoreBeans.class)))
                .as("resources and jobs touch no repositories, JPA, SQL, transactions or the composition root")
                .because("they map HTTP or a batch step to one service call and back")
                .check(web);
    }

    @Test
    void onlyTheCompositionRootKnowsTheCoresAdapters() {
        noClasses().that().resideOutsideOfPackage("de.akte.web.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("de.akte.core.infrastructure..")
                .as("only dms-web's infrastructure (the composition root) knows the core's technology adapters")
                .check(web);
    }

    @Test
    void infrastructureDependsInward() {
        noClasses().that().resideInAPackage("de.akte.web.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("de.akte.web.interfaces..", "de.akte.web.batch..",
                        "de.akte.web.security..")
                .as("dms-web's infrastructure (settings, wiring, transactions) depends on no resource, job or filter")
                .check(web);
    }

    @Test
    void containerApisOnlyInTheWebModule() {
        noClasses().that().resideInAnyPackage("de.akte.core..", "de.akte.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage(CONTAINER_APIS)
                .as("container APIs are used only in dms-web")
                .check(everything);
    }

    @Test
    void onlyTheSettingsReadTheEnvironment() {
        noClasses().that(DescribedPredicate.not(belongToAnyOf(AkteSettings.class, SecuritySettings.class)))
                .should().callMethodWhere(READS_ENVIRONMENT)
                .as("only AkteSettings and SecuritySettings read environment variables and system properties")
                .because("settings come from one place; everything else receives them")
                .check(web);
    }
}
