package de.akte.core;

import de.akte.core.annotation.AnnotationRepository;
import de.akte.core.audit.AuditRepository;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.classification.ClassificationRuleRepository;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.document.DocumentRepository;
import de.akte.core.fileplan.FilePlanRepository;
import de.akte.core.hold.LegalHoldRepository;
import de.akte.core.imports.ImportRepository;
import de.akte.core.mail.ReceivedMessageRepository;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.processing.ProcessingTaskRepository;
import de.akte.core.routing.RoutingRequestRepository;
import de.akte.core.search.SavedSearchRepository;
import de.akte.core.security.ApiTokenRepository;
import de.akte.core.security.UserRepository;

/** The core's repositories, one per aggregate, as one persistence adapter provides them. */
public record Repositories(AuditRepository audit, DepartmentRepository departments, UserRepository users,
                           ApiTokenRepository apiTokens, FilePlanRepository filePlans, CaseFileRepository caseFiles,
                           DocumentRepository documents, ProcessingTaskRepository tasks, IndexOutbox indexOutbox,
                           AnnotationRepository annotations, SavedSearchRepository savedSearches,
                           ClassificationRuleRepository classificationRules, RoutingRequestRepository routingRequests,
                           LegalHoldRepository holds, DisposalRepository disposals, ImportRepository imports,
                           ReceivedMessageRepository receivedMessages) {
}
