package de.akte.core.application.records;

import de.akte.core.security.Access;
import de.akte.core.shared.Page;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.classification.Classifier;
import de.akte.core.disposition.ApprovedSetChangedException;
import de.akte.core.disposition.ApprovedVersion;
import de.akte.core.disposition.CaseFileContents;
import de.akte.core.disposition.CertifiedVersion;
import de.akte.core.disposition.DestructionCertificate;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.disposition.PendingBlobDeletion;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.hold.LegalHold;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.recognition.PageImages;
import de.akte.core.retention.DisposalAction;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The disposal list and the four-eyes disposal: one records officer proposes what is due, a second
 * one approves or rejects, then it runs. Destroying removes the records from the database in one
 * transaction that also leaves a destruction certificate and a persisted list of blobs to remove;
 * the blobs are then deleted from storage, and what the storage refuses (or a crash interrupts)
 * stays on that list to be retried — never a half-deleted record. Nobody can dispose of a record
 * early: the due check uses the clock and the computed date, and the storage locks the blobs too.
 */
public class DisposalService {

    private static final Logger LOG = Logger.getLogger(DisposalService.class.getName());
    private static final int SLICE = 200;
    private static final int MAX_PAGE = 500;

    private final UnitOfWork unitOfWork;
    private final DisposalRepository disposals;
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final RetentionService retention;
    private final IndexOutbox indexOutbox;
    private final BlobStore blobs;
    private final PageImages pageImages;
    private final Classifier classifier;
    private final AuditTrail audit;
    private final Clock clock;

    public DisposalService(UnitOfWork unitOfWork, DisposalRepository disposals, CaseFileRepository caseFiles,
                           DocumentRepository documents, RetentionService retention, IndexOutbox indexOutbox,
                           BlobStore blobs, PageImages pageImages, Classifier classifier, AuditTrail audit,
                           Clock clock) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.retention = retention;
        this.indexOutbox = indexOutbox;
        this.blobs = blobs;
        this.pageImages = pageImages;
        this.classifier = classifier;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The disposal list: closed case files whose disposal date is today or earlier, with no active
     * legal hold on them or their documents, and not already in a running disposal.
     */
    public Page<DueCaseFile> due(Caller caller, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> {
            Set<Long> inProgress = new HashSet<>(disposals.caseFilesInOpenDisposals());
            LocalDate today = clock.today();
            List<DueCaseFile> all = new ArrayList<>();
            long after = 0;
            while (true) {
                List<CaseFile> slice = caseFiles.closedAfter(after, SLICE);
                if (slice.isEmpty()) {
                    break;
                }
                for (CaseFile c : slice) {
                    if (inProgress.contains(c.id())) {
                        continue;
                    }
                    RetentionAssessment a = retention.assess(c);
                    if (a.isDueOn(today) && retention.activeHolds(c, documents.findInCaseFile(c)).isEmpty()) {
                        all.add(dueLine(c, a));
                    }
                }
                after = slice.get(slice.size() - 1).id();
            }
            all.sort(java.util.Comparator.comparing(DueCaseFile::disposalDate)
                    .thenComparing(DueCaseFile::fileReference));
            int from = Math.min(all.size(), page * size);
            return new Page<>(all.size(), page, size, all.subList(from, Math.min(all.size(), from + size)));
        });
    }

    /** Proposes due case files for destruction or transfer; a scheduled REVIEW may go either way. */
    public DisposalView propose(Caller caller, NewDisposal request) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        if (request == null || request.caseFileIds() == null || request.caseFileIds().isEmpty()) {
            throw new InvalidInputException("caseFileIds", "a disposal needs at least one case file");
        }
        DisposalAction action = parseAction(request.action());
        return unitOfWork.call(() -> {
            Set<Long> inProgress = new HashSet<>(disposals.caseFilesInOpenDisposals());
            List<DisposalItem> items = new ArrayList<>();
            for (Long id : new LinkedHashSet<>(request.caseFileIds())) {
                CaseFile c = caseFiles.find(id).orElseThrow(() -> new NotFoundException("no case file " + id));
                if (inProgress.contains(id)) {
                    throw new ConflictException("case file " + c.fileReference() + " is already in a disposal");
                }
                RetentionAssessment a = requireDisposable(c);
                DisposalAction scheduled = a.action().orElseThrow();
                if (scheduled != DisposalAction.REVIEW && scheduled != action) {
                    throw new ConflictException("case file " + c.fileReference() + " is scheduled for " + scheduled
                            + ", not " + action);
                }
                items.add(new DisposalItem(c.id(), c.fileReference().value(), c.title(), a.disposalDate().orElseThrow(),
                        a.schedule().orElseThrow().legalBasis()));
            }
            Disposal disposal = new Disposal(action, items, caller.username(), clock.now());
            disposals.add(disposal);
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "proposed " + action + " of " + references(disposal));
            return view(disposal);
        });
    }

    /**
     * A second records officer approves; the proposer cannot (four eyes). The approval fixes what every case
     * file holds now: the disposal will destroy or transfer exactly those versions, and a change to a file
     * afterwards sends it back for a new decision.
     */
    public DisposalView approve(Caller caller, long disposalId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            Disposal disposal = find(disposalId);
            disposal.requireDecidableBy(caller.username());
            List<CaseFileContents> contents = new ArrayList<>();
            for (DisposalItem item : disposal.items()) {
                CaseFile c = existing(item);
                // a hold placed since the proposal blocks the approval too
                requireDisposable(c);
                contents.add(contentsOf(c));
            }
            disposal.approve(caller.username(), clock.now(), contents);
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "approved " + disposal.action() + " of " + references(disposal) + " proposed by "
                            + disposal.proposedBy() + "; covers " + contents.stream()
                            .map(c -> c.caseFileId() + ":" + c.versions().size() + " versions, fingerprint "
                                    + c.fingerprint()).toList());
            return view(disposal);
        });
    }

    public DisposalView reject(Caller caller, long disposalId, String reason) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            Disposal disposal = find(disposalId);
            try {
                disposal.reject(caller.username(), clock.now(), reason);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("reason", e.getMessage());
            }
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "rejected: " + disposal.decisionReason().orElse(""));
            return view(disposal);
        });
    }

    /**
     * Runs an approved destruction: every case file is checked again (still due, no hold, holding
     * exactly what was approved), then removed with a certificate; then the blobs are deleted from
     * storage (what is refused stays pending, see {@link #retryBlobDeletions()}). A file that changed
     * since the approval stops the whole run and sends the disposal back for a new decision.
     */
    public DisposalView execute(Caller caller, long disposalId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        List<Long> destroyedDocuments = new ArrayList<>();
        DisposalView result = onApprovedContents(caller, () -> unitOfWork.call(() -> {
            Disposal disposal = find(disposalId);
            disposal.executed(caller.username(), clock.now());
            for (DisposalItem item : disposal.items()) {
                CaseFile c = existing(item);
                requireDisposable(c);
                destroyedDocuments.addAll(destroy(disposal, item, c, caller.username(),
                        "destroyed by schedule: " + item.legalBasis()));
            }
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "executed DESTROY of " + references(disposal));
            return view(disposal);
        }));
        afterRemoval(destroyedDocuments);
        return result;
    }

    public Page<DisposalView> list(Caller caller, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> {
            List<DisposalView> items = disposals.list(page * size, Math.min(size, MAX_PAGE)).stream()
                    .map(DisposalService::view).toList();
            return new Page<>(items.size(), page, size, items);
        });
    }

    public DisposalView get(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> view(find(id)));
    }

    public List<CertificateView> certificates(Caller caller, String fileReferencePrefix, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> disposals.certificates(fileReferencePrefix, page * size, Math.min(size, MAX_PAGE))
                .stream().map(DisposalService::view).toList());
    }

    public CertificateView certificate(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> view(disposals.findCertificate(id)
                .orElseThrow(() -> new NotFoundException("no destruction certificate " + id))));
    }

    /**
     * Deletes the blobs waiting on the pending list; a blob a record refers to again (the same
     * content uploaded meanwhile) is kept. Returns how many are still pending.
     */
    // one run at a time in this server: the hourly job and an execution may overlap
    public synchronized int retryBlobDeletions() {
        List<PendingBlobDeletion> pending = unitOfWork.call(() -> disposals.pendingBlobDeletions(MAX_PAGE));
        int left = 0;
        for (PendingBlobDeletion p : pending) {
            String sha = p.sha256();
            boolean referenced = unitOfWork.call(() -> documents.isBlobReferenced(sha));
            String error = null;
            if (!referenced) {
                try {
                    blobs.delete(new BlobId(sha));
                    pageImages.forget(sha);
                } catch (RuntimeException e) {
                    error = e.getMessage();
                    LOG.log(Level.WARNING, "blob " + sha + " of a destroyed record could not be deleted yet", e);
                }
            }
            String failure = error;
            try {
                unitOfWork.run(() -> disposals.findPending(sha).ifPresent(row -> {
                    if (failure == null) {
                        disposals.remove(row);
                    } else {
                        row.failed(failure);
                    }
                }));
            } catch (RuntimeException e) {
                // e.g. another run removed the row meanwhile; the list is consulted again next time
                LOG.log(Level.WARNING, "could not update the pending deletion of blob " + sha, e);
            }
            if (failure != null) {
                left++;
            }
        }
        return left;
    }

    /** Blobs still waiting to be removed from storage (e.g. refused while their retention runs). */
    public List<String> pendingBlobDeletions(Caller caller) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> disposals.pendingBlobDeletions(MAX_PAGE).stream()
                .map(PendingBlobDeletion::sha256).toList());
    }

    /**
     * Removes one case file with its documents inside the current unit of work and certifies exactly
     * the approved versions; returns the removed document ids. Used by destruction and after an
     * archive's appraisal or confirmation. Refuses a file that changed since the approval.
     */
    List<Long> destroy(Disposal disposal, DisposalItem item, CaseFile c, String executedBy, String outcome) {
        requireUnchanged(disposal, item, c);
        List<Document> docs = documents.findInCaseFile(c);
        Map<String, DocumentVersion> current = new HashMap<>();
        Set<String> blobIds = new LinkedHashSet<>();
        for (Document d : docs) {
            for (DocumentVersion v : d.versions()) {
                current.put(d.id() + "/" + v.number(), v);
                blobIds.add(v.sha256());
                v.renditionSha256().ifPresent(blobIds::add);
            }
        }
        // an approval from before approvals fixed the contents has no list: it covers what is there
        List<ApprovedVersion> approved = item.approvedFingerprint().isPresent()
                ? disposal.approvedVersions(c.id()) : contentsOf(c).versions();
        List<CertifiedVersion> certified = new ArrayList<>();
        for (ApprovedVersion v : approved) {
            DocumentVersion now = current.get(v.documentId() + "/" + v.versionNumber());
            certified.add(new CertifiedVersion(v.documentId(), v.documentTitle(), v.versionNumber(), v.fileName(),
                    v.sha256(), now == null ? null : now.renditionSha256().orElse(null)));
        }
        DestructionCertificate certificate = new DestructionCertificate(disposal.id(), c.id(),
                c.fileReference().value(), c.title(), c.department().code(), item.disposalDate(), item.legalBasis(),
                disposal.proposedBy(), disposal.decidedBy().orElseThrow(), executedBy, clock.now(), outcome, certified);
        disposals.add(certificate);
        List<Long> removed = new ArrayList<>();
        for (Document d : docs) {
            long id = d.id();
            documents.remove(d);
            indexOutbox.enqueue(id);
            removed.add(id);
            audit.record(executedBy, AuditAction.DELETE, "document", Long.toString(id),
                    "destroyed with case file " + c.fileReference() + "; certificate " + certificate.id());
        }
        caseFiles.remove(c);
        audit.record(executedBy, AuditAction.DELETE, "caseFile", c.id().toString(),
                c.fileReference() + " destroyed (" + outcome + "); certificate " + certificate.id());
        for (String sha : blobIds) {
            // deduplicated content another record still uses must stay
            if (!documents.isBlobReferenced(sha) && disposals.findPending(sha).isEmpty()) {
                disposals.add(new PendingBlobDeletion(sha, clock.now()));
            }
        }
        return removed;
    }

    /** After the removal committed: storage, page cache and the classifier's examples. */
    void afterRemoval(List<Long> documentIds) {
        for (long id : documentIds) {
            try {
                classifier.forget(id);
            } catch (RuntimeException e) {
                // the classifier can be rebuilt from the records, which no longer hold the document
                LOG.log(Level.WARNING, "the classifier could not forget destroyed document " + id
                        + "; rebuild it to drop the example", e);
            }
        }
        try {
            retryBlobDeletions();
        } catch (RuntimeException e) {
            // the records are gone and certified; their blobs stay on the pending list for the next run
            LOG.log(Level.WARNING, "blobs of destroyed records stay pending", e);
        }
    }

    /** The case file must exist, be due today by its computed date and have no active hold. */
    RetentionAssessment requireDisposable(CaseFile c) {
        RetentionAssessment a = retention.assess(c);
        if (a.schedule().isEmpty()) {
            throw new ConflictException("case file " + c.fileReference() + " has no retention schedule");
        }
        if (!a.isDueOn(clock.today())) {
            throw new ConflictException("case file " + c.fileReference() + " is not due for disposal: "
                    + a.disposalDate().map(d -> "its retention runs until " + d)
                    .orElse("it is open or its retention has not started"));
        }
        List<LegalHold> active = retention.activeHolds(c, documents.findInCaseFile(c));
        if (!active.isEmpty()) {
            throw new ConflictException("case file " + c.fileReference() + " is under legal hold "
                    + active.stream().map(LegalHold::id).toList());
        }
        return a;
    }

    /** What the case file holds now, as an approval fixes it (inside a unit of work). */
    CaseFileContents contentsOf(CaseFile c) {
        return CaseFileContents.of(c, caseFiles.processesOf(c), documents.findInCaseFile(c));
    }

    /** The case file must hold exactly what the disposal's approval covers (inside a unit of work). */
    void requireUnchanged(Disposal disposal, DisposalItem item, CaseFile c) {
        disposal.changeSinceApproval(contentsOf(c)).ifPresent(change -> {
            throw ApprovedSetChangedException.of(disposal.id(), item.fileReference(), change);
        });
    }

    /**
     * Runs work that destroys or transfers approved records. When a case file turned out to have changed
     * since the approval, the work's transaction is rolled back, the disposal goes back for a new four-eyes
     * decision in a transaction of its own (audited), and the refusal is passed on.
     */
    <T> T onApprovedContents(Caller caller, Supplier<T> work) {
        try {
            return work.get();
        } catch (ApprovedSetChangedException changed) {
            boolean sentBack = unitOfWork.call(() -> {
                Disposal disposal = find(changed.disposalId());
                if (!disposal.mayBeSentBack()) {
                    return false;
                }
                disposal.sendBack(changed.change(), clock.now());
                audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                        "sent back for a new decision: " + changed.change());
                return true;
            });
            throw changed.settled(sentBack);
        }
    }

    CaseFile existing(DisposalItem item) {
        return caseFiles.find(item.caseFileId()).orElseThrow(() -> new ConflictException(
                "case file " + item.fileReference() + " no longer exists"));
    }

    Disposal find(long id) {
        return disposals.find(id).orElseThrow(() -> new NotFoundException("no disposal " + id));
    }

    private static DisposalAction parseAction(String action) {
        try {
            DisposalAction a = DisposalAction.valueOf(action == null ? "" : action.strip().toUpperCase(Locale.ROOT));
            if (a != DisposalAction.REVIEW) {
                return a;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new InvalidInputException("action", "action must be DESTROY or TRANSFER");
    }

    private static String references(Disposal d) {
        return d.items().stream().map(DisposalItem::fileReference).toList().toString();
    }

    private static DueCaseFile dueLine(CaseFile c, RetentionAssessment a) {
        return new DueCaseFile(c.id(), c.fileReference().value(), c.title(), c.department().code(),
                c.closedOn().orElse(null), a.disposalDate().orElseThrow(), a.action().orElseThrow().name(),
                a.schedule().orElseThrow().legalBasis(), a.sourceNode(), c.appraisalNote().orElse(null));
    }

    static DisposalView view(Disposal d) {
        return new DisposalView(d.id(), d.action().name(), d.state().name(), d.processId(), d.proposedBy(),
                d.proposedAt(), d.decidedBy().orElse(null), d.decidedAt().orElse(null),
                d.decisionReason().orElse(null), d.executedBy().orElse(null), d.executedAt().orElse(null),
                d.items().stream().map(i -> new DisposalView.Item(i.caseFileId(), i.fileReference(), i.title(),
                        i.disposalDate(), i.legalBasis(), i.appraisal().map(x -> x.code()).orElse(null),
                        i.approvedFingerprint().orElse(null), d.approvedVersions(i.caseFileId()).stream()
                        .map(v -> new DisposalView.ApprovedVersionView(v.documentId(), v.documentTitle(),
                                v.versionNumber(), v.fileName(), v.sha256())).toList())).toList(),
                d.sentBackAt().orElse(null), d.sentBackReason().orElse(null));
    }

    static CertificateView view(DestructionCertificate c) {
        return new CertificateView(c.id(), c.disposalId(), c.caseFileId(), c.fileReference(), c.title(),
                c.department(), c.disposalDate(), c.legalBasis(), c.proposedBy(), c.approvedBy(), c.executedBy(),
                c.destroyedAt(), c.outcome(), c.versions().stream().map(v -> new CertificateView.Version(
                        v.documentId(), v.documentTitle(), v.versionNumber(), v.fileName(), v.sha256(),
                        v.renditionSha256())).toList());
    }
}
