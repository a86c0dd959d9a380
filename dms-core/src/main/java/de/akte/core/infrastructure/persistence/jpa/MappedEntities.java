package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.annotation.Annotation;
import de.akte.core.audit.AuditChainHead;
import de.akte.core.audit.AuditEntry;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.Process;
import de.akte.core.department.Department;
import de.akte.core.document.Document;
import de.akte.core.classification.ClassificationRule;
import de.akte.core.document.DocumentPage;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportItem;
import de.akte.core.mail.ReceivedMessage;
import de.akte.core.document.DocumentVersion;
import de.akte.core.fileplan.FilePlan;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.indexing.IndexRequest;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.search.SavedSearch;
import de.akte.core.security.ApiToken;
import de.akte.core.security.UserAccount;

import de.akte.core.disposition.DestructionCertificate;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.PendingBlobDeletion;
import de.akte.core.hold.LegalHold;
import de.akte.core.routing.RoutingRequest;

import java.util.List;

/**
 * Every entity class of the domain, for bootstraps that cannot scan (tests, tools); the server's
 * persistence.xml lists the same classes and a test keeps the two in step.
 */
public final class MappedEntities {

    private MappedEntities() {
    }

    public static List<Class<?>> all() {
        return List.of(Department.class, UserAccount.class, FilePlan.class, FilePlanNode.class, CaseFile.class,
                Process.class, Document.class, DocumentVersion.class, DocumentPage.class, ProcessingTask.class,
                IndexRequest.class, AuditEntry.class, AuditChainHead.class, ApiToken.class, ImportBatch.class,
                ImportItem.class, ClassificationRule.class, LegalHold.class, Disposal.class,
                DestructionCertificate.class, PendingBlobDeletion.class, Annotation.class, SavedSearch.class,
                RoutingRequest.class, ReceivedMessage.class);
    }
}
