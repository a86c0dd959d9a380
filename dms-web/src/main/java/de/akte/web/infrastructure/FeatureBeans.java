package de.akte.web.infrastructure;

import de.akte.core.application.imports.ImportService;
import de.akte.core.application.health.SystemHealth;
import de.akte.core.audit.AuditReview;
import de.akte.core.audit.AuditTrail;
import de.akte.core.health.HealthCheck;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.health.HealthDetails;
import de.akte.core.imports.ImportRoots;
import de.akte.core.infrastructure.persistence.jdbc.JdbcDatabaseProduct;
import de.akte.core.search.TextIndex;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobStore;
import de.akte.ingest.imports.ImportJobs;
import de.akte.ingest.imports.ImportOpening;
import de.akte.ingest.imports.ServerImportRun;
import de.akte.ingest.imports.source.ZipLimits;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/**
 * Wires the services built on the core's own ({@link CoreBeans}): opening and running imports, audit review and
 * the health check. Plain objects made from the container's beans, so the resources and jobs only call them.
 */
@ApplicationScoped
public class FeatureBeans {

    @Resource(lookup = "java:jboss/datasources/AkteDS")
    private DataSource dataSource;

    @Produces
    @Dependent
    ImportOpening importOpening(ImportService imports, ImportRoots roots, ZipLimits zipLimits, ImportJobs jobs) {
        return new ImportOpening(imports, roots, zipLimits, jobs);
    }

    @Produces
    @Dependent
    ServerImportRun serverImportRun(ImportService imports, ImportRoots roots, ZipLimits zipLimits) {
        return new ServerImportRun(imports, roots, zipLimits);
    }

    @Produces
    @Dependent
    AuditReview auditReview(AuditTrail audit, UnitOfWork unitOfWork) {
        return new AuditReview(audit, unitOfWork);
    }

    @Produces
    @Dependent
    HealthCheck healthCheck(SystemHealth health, BlobStore blobs, TextIndex index, ContentRecognizer recognizer,
                            MalwareScanner scanner, AkteSettings settings) {
        return new HealthCheck(health::check, recognizer::ocr, scanner,
                new HealthDetails(new JdbcDatabaseProduct(dataSource), blobs, index::count, settings.dataDir(),
                        index::describe));
    }
}
