package de.akte.core.application.records;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.disposition.Appraisal;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.retention.DisposalAction;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.xdomea.OfferedCaseFile;
import de.akte.core.xdomea.XdomeaMessages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Transfer to the public archive with xdomea 3.1.0, for an approved TRANSFER disposal: the 0501
 * offer list, the archive's 0502 appraisal (A: the archive takes it, V: destroy it here with a
 * certificate, B: it stays, flagged for appraisal), the 0503 package with the primary files, and
 * after the archive's 0506 import confirmation the removal of what it took, with a certificate.
 */
public class ArchiveTransferService {

    private final UnitOfWork unitOfWork;
    private final DisposalExecution disposals;
    private final ArchiveCorrespondence correspondence;
    private final TransferredRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    public ArchiveTransferService(UnitOfWork unitOfWork, DisposalExecution disposals,
                                  ArchiveCorrespondence correspondence, TransferredRecords records, AuditTrail audit,
                                  Clock clock) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
        this.correspondence = correspondence;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stable xdomea id of a case file. */
    public static UUID objectId(long caseFileId) {
        return TransferredRecords.objectId(caseFileId);
    }

    /**
     * The 0501 offer list of an approved transfer (may be fetched again until the appraisal arrives). A case
     * file that changed since the approval sends the disposal back for a new decision instead.
     */
    public byte[] offer(Caller caller, long disposalId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return disposals.onApprovedContents(caller, () -> unitOfWork.call(() -> {
            Disposal d = transfer(disposalId);
            d.offered(caller.username(), clock.now());
            List<OfferedCaseFile> files = new ArrayList<>();
            for (DisposalItem item : d.items()) {
                CaseFile c = disposals.existing(item);
                disposals.requireUnchanged(d, item, c);
                files.add(records.describe(item, c, false));
            }
            byte[] xml = correspondence.offer(d.processId(), files);
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", d.id().toString(),
                    "0501 offer list for " + files.size() + " case file(s), process " + d.processId());
            return xml;
        }));
    }

    /** Applies the archive's 0502: V destroyed here (certified), B flagged and kept, A waits for the package. */
    public DisposalView appraise(Caller caller, long disposalId, byte[] xml) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        XdomeaMessages.Appraisals appraisals = correspondence.readAppraisal(xml);
        List<Long> removed = new ArrayList<>();
        DisposalView view = disposals.onApprovedContents(caller, () -> unitOfWork.call(() -> {
            Disposal d = transfer(disposalId);
            requireProcess(d, appraisals.processId());
            for (DisposalItem item : d.items()) {
                disposals.requireUnchanged(d, item, disposals.existing(item));
            }
            Map<UUID, DisposalItem> byId = new HashMap<>();
            d.items().forEach(i -> byId.put(objectId(i.caseFileId()), i));
            Map<String, Appraisal> byReference = new HashMap<>();
            for (var e : appraisals.codes().entrySet()) {
                DisposalItem item = byId.get(e.getKey());
                if (item == null) {
                    throw new InvalidInputException("appraisal", "the appraisal names " + e.getKey()
                            + ", which was not offered in this process");
                }
                byReference.put(item.fileReference(), Appraisal.ofCode(e.getValue()));
            }
            try {
                d.appraised(byReference);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("appraisal", e.getMessage());
            }
            for (DisposalItem item : d.items()) {
                Appraisal a = item.appraisal().orElseThrow();
                CaseFile c = disposals.existing(item);
                if (a == Appraisal.DESTROY) {
                    disposals.requireDisposable(c);
                    removed.addAll(disposals.destroy(d, item, c, caller.username(),
                            "destroyed: the archive declined it (0502 appraisal V, process " + d.processId() + ")"));
                } else if (a == Appraisal.APPRAISE) {
                    c.noteAppraisal("the archive asks to appraise it (0502 B, disposal " + d.id() + ")");
                }
            }
            if (d.takesNothing()) {
                d.closedWithoutTransfer();
            }
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", d.id().toString(),
                    "0502 appraisal applied: " + byReference);
            return DisposalView.of(d);
        }));
        disposals.afterRemoval(removed);
        return view;
    }

    /**
     * The 0503 package: the XML and the primary files of every version of what the archive takes, which is
     * exactly what was approved (a case file that changed since is refused).
     */
    public ArchivePackage pack(Caller caller, long disposalId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        List<TransferredRecords.PrimaryFile> files = new ArrayList<>();
        String[] process = new String[1];
        byte[] xml = disposals.onApprovedContents(caller, () -> unitOfWork.call(() -> {
            Disposal d = transfer(disposalId);
            d.transferred();
            process[0] = d.processId();
            List<OfferedCaseFile> taken = new ArrayList<>();
            for (DisposalItem item : d.items()) {
                if (item.appraisal().orElse(null) == Appraisal.ARCHIVE) {
                    CaseFile c = disposals.existing(item);
                    disposals.requireUnchanged(d, item, c);
                    taken.add(records.describe(item, c, true));
                    files.addAll(records.primaryFiles(c));
                }
            }
            if (taken.isEmpty()) {
                throw new ConflictException("the archive takes nothing from disposal " + d.id());
            }
            byte[] message = correspondence.disposal(d.processId(), taken);
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", d.id().toString(),
                    "0503 package with " + taken.size() + " case file(s) and " + files.size() + " file(s)");
            return message;
        }));
        return records.pack(process[0], xml, files);
    }

    /** Applies the archive's 0506: what it imported is removed here (certified), failures stay. */
    public DisposalView confirm(Caller caller, long disposalId, byte[] xml) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        List<XdomeaMessages.Confirmation> confirmations = correspondence.readConfirmation(xml);
        List<Long> removed = new ArrayList<>();
        DisposalView view = disposals.onApprovedContents(caller, () -> unitOfWork.call(() -> {
            Disposal d = transfer(disposalId);
            Map<UUID, DisposalItem> taken = new HashMap<>();
            d.items().stream().filter(i -> i.appraisal().orElse(null) == Appraisal.ARCHIVE)
                    .forEach(i -> taken.put(objectId(i.caseFileId()), i));
            for (XdomeaMessages.Confirmation c : confirmations) {
                requireProcess(d, c.processId());
                if (!taken.containsKey(c.object())) {
                    throw new InvalidInputException("confirmation", "the confirmation names " + c.object()
                            + ", which was not transferred in this process");
                }
            }
            d.confirmed();
            for (XdomeaMessages.Confirmation c : confirmations) {
                DisposalItem item = taken.get(c.object());
                CaseFile file = disposals.existing(item);
                if (c.success()) {
                    disposals.requireDisposable(file);
                    removed.addAll(disposals.destroy(d, item, file, caller.username(),
                            "transferred to the archive" + (c.archiveId() == null ? "" : " as " + c.archiveId())
                                    + ", removed after its import confirmation (0506, process " + d.processId() + ")"));
                } else {
                    file.noteAppraisal("the archive could not import it: " + String.join("; ", c.errors()));
                }
            }
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", d.id().toString(),
                    "0506 import confirmation applied for " + confirmations.size() + " case file(s)");
            return DisposalView.of(d);
        }));
        disposals.afterRemoval(removed);
        return view;
    }

    private Disposal transfer(long id) {
        Disposal d = disposals.find(id);
        if (d.action() != DisposalAction.TRANSFER) {
            throw new ConflictException("disposal " + id + " destroys; it has no archive transfer");
        }
        return d;
    }

    private static void requireProcess(Disposal d, UUID process) {
        if (process == null || !process.toString().equalsIgnoreCase(d.processId())) {
            throw new InvalidInputException("ProzessID", "the message belongs to process " + process
                    + ", disposal " + d.id() + " is process " + d.processId());
        }
    }
}
