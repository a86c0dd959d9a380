package de.akte.web.infrastructure;

import de.akte.core.application.ImportService;
import de.akte.core.audit.AuditReview;
import de.akte.core.audit.AuditTrail;
import de.akte.core.imports.ImportRoots;
import de.akte.core.shared.UnitOfWork;
import de.akte.ingest.imports.ImportJobs;
import de.akte.ingest.imports.ImportOpening;
import de.akte.ingest.imports.ServerImportRun;
import de.akte.ingest.imports.source.ZipLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * Wires the services built on the core's own ({@link CoreBeans}): opening and running imports, audit review. Plain
 * objects made from the container's beans, so the resources and jobs only call them.
 */
@ApplicationScoped
public class FeatureBeans {

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
}
