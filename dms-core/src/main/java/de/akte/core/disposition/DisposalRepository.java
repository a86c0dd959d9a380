package de.akte.core.disposition;

import java.util.List;
import java.util.Optional;

/** Stores disposals, destruction certificates and the blobs still to be removed from storage. */
public interface DisposalRepository {
    void add(Disposal disposal);

    Optional<Disposal> find(long id);

    List<Disposal> list(int offset, int limit);

    /** Ids of case files in disposals that are neither rejected nor finished, i.e. already on their way out. */
    List<Long> caseFilesInOpenDisposals();

    /** Disposals of the case file that are neither rejected nor finished. */
    List<Disposal> runningWith(long caseFileId);

    void add(DestructionCertificate certificate);

    Optional<DestructionCertificate> findCertificate(long id);

    List<DestructionCertificate> certificates(String fileReferencePrefix, int offset, int limit);

    void add(PendingBlobDeletion pending);

    Optional<PendingBlobDeletion> findPending(String sha256);

    List<PendingBlobDeletion> pendingBlobDeletions(int limit);

    void remove(PendingBlobDeletion pending);
}
