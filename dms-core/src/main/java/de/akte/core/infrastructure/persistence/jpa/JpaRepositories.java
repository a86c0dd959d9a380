package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.Repositories;
import de.akte.core.shared.Clock;
import jakarta.persistence.EntityManager;

/** The core's repositories over one EntityManager (the container's transaction-scoped one, or a test's). */
public final class JpaRepositories {

    private JpaRepositories() {
    }

    public static Repositories over(EntityManager em, Clock clock) {
        return new Repositories(new JpaAuditRepository(em), new JpaDepartmentRepository(em), new JpaUserRepository(em),
                new JpaApiTokenRepository(em), new JpaFilePlanRepository(em), new JpaCaseFileRepository(em),
                new JpaDocumentRepository(em), new JpaProcessingTaskRepository(em), new JpaIndexOutbox(em, clock),
                new JpaAnnotationRepository(em), new JpaSavedSearchRepository(em),
                new JpaClassificationRuleRepository(em), new JpaRoutingRequestRepository(em),
                new JpaLegalHoldRepository(em), new JpaDisposalRepository(em), new JpaImportRepository(em),
                new JpaReceivedMessageRepository(em));
    }
}
