package de.akte.core.application.processing;

import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.DepartmentReferences;
import de.akte.core.casefile.ReferenceResolution;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FileName;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.Recognition;
import de.akte.core.routing.RoutingCause;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.StoredBlob;
import de.akte.core.security.SystemActor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Cuts a scanned batch into its documents at its separator sheets. The batch's department (and case file, if
 * named) is binding: a separator sheet never leads out of it, and a reference it names that is no case file of the
 * department goes to the registry to check.
 */
public class ScannedBatches {

    private static final String SYSTEM = SystemActor.PROCESSING.actorName();
    private static final Logger LOG = Logger.getLogger(ScannedBatches.class.getName());

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final DepartmentReferences references;
    private final ProcessingQueue queue;
    private final RoutingDesk routing;
    private final AuditTrail audit;
    private final Clock clock;

    public ScannedBatches(UnitOfWork unitOfWork, DocumentRepository documents, CaseFileRepository caseFiles,
                          ProcessingQueue queue, RoutingDesk routing, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.references = new DepartmentReferences(caseFiles);
        this.queue = queue;
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Cuts the batch into its parts, whose bytes are already {@code stored}; one transaction creates every part
     * with its processing task and completes the batch's task, so a crash leaves either no part or all.
     */
    void cut(ClaimedTask work, Recognition recognition, List<StoredBlob> stored) {
        List<Long> created = unitOfWork.call(() -> {
            Document batch = documents.find(work.documentId()).orElseThrow();
            DocumentVersion batchVersion = batch.version(work.versionNumber()).orElseThrow();
            List<Long> ids = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < recognition.parts().size(); i++) {
                BatchPart part = recognition.parts().get(i);
                StoredBlob blob = stored.get(i);
                // the batch's department (and case file, if named) is binding: a separator sheet never leads out
                CaseFile target = batch.caseFile().orElse(null);
                if (target != null && target.isClosed()) {
                    // closed (zdA) since the upload: the parts wait in the department until someone files them
                    notes.add("part " + (i + 1) + ": case file " + target.fileReference() + " was closed (zdA) "
                            + "meanwhile, so the part was not filed into it");
                    target = null;
                }
                String askAbout = null;
                if (part.fileReference().isPresent()) {
                    String named = part.fileReference().get();
                    String department = batch.department().code();
                    ReferenceResolution resolution = references.resolve(department, named);
                    if (batch.caseFile().isPresent()) {
                        if (resolution.open().filter(c -> c.id().equals(batch.caseFile().get().id())).isEmpty()) {
                            notes.add("part " + (i + 1) + ": the separator sheet names file reference " + named
                                    + ", but the batch was brought into case file " + batch.caseFile().get().fileReference()
                                    + ", so the part stays there");
                        }
                    } else if (resolution.open().isPresent()) {
                        target = resolution.caseFile();
                    } else if (resolution.outcome() == ReferenceResolution.Outcome.CLOSED) {
                        notes.add("part " + (i + 1) + ": case file " + named + " is closed (zdA), so the part "
                                + "was not filed into it");
                    } else {
                        // the same words whether the reference exists in another department or nowhere
                        notes.add("part " + (i + 1) + ": the separator sheet names file reference " + named
                                + ", which is no case file of department " + department
                                + " (the registry has been asked to check it)");
                        askAbout = resolution.outcome() == ReferenceResolution.Outcome.ELSEWHERE
                                ? "the separator sheet names file reference " + named + ", a case file of department "
                                        + resolution.caseFile().department().code()
                                : "the separator sheet names file reference " + named + ", which does not exist";
                    }
                }
                String title = batch.title() + " (" + (i + 1) + "/" + recognition.parts().size() + ")";
                Document document = new Document(title, batch.department(),
                        target, null, batch.documentType().orElse(null), clock.now(), batch.createdBy());
                document.cutFrom(batch.id());
                String fileName = new FileName(work.fileName()).baseName() + "-" + (i + 1) + ".pdf";
                DocumentVersion version = document.addVersion(
                        new ContentDescriptor(blob.id().sha256(), blob.size(), part.mediaType(), fileName),
                        clock.now(), batch.createdBy());
                documents.add(document);
                queue.enqueue(document, version);
                audit.record(SYSTEM, AuditAction.CREATE, "document", document.id().toString(),
                        "cut from scanned batch " + batch.id() + " pages " + part.pages() + "; sha256="
                                + blob.id().sha256() + (target != null ? "; caseFile=" + target.fileReference() : ""));
                ids.add(document.id());
                if (askAbout != null) {
                    routing.ask(SystemActor.PROCESSING, document, RoutingCause.NAMED_REFERENCE, "the separator sheet names a file reference "
                            + "that is no case file of this department; the registry has been asked to check it",
                            askAbout);
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>(recognition.metadata());
            metadata.put("batch.parts", ids.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            if (!notes.isEmpty()) {
                metadata.put("batch.notes", String.join("; ", notes));
            }
            batchVersion.recordRecognition(recognition.mediaType(), recognition.pages().size(), metadata);
            if (batch.currentVersion() == batchVersion.number()) {
                batch.markReady();
            }
            queue.completed(work.taskId(), batch.id());
            return ids;
        });
        LOG.info(() -> "scanned batch " + work.documentId() + " cut into documents " + created);
        queue.workCommitted();
    }
}
