package de.akte.core.application.processing;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FileName;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.Recognition;
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
 * Cuts a scanned batch into its documents at its separator sheets, each part placed as its sheet says
 * ({@link SeparatorSheets}).
 */
public class ScannedBatches {

    private static final String SYSTEM = SystemActor.PROCESSING.actorName();
    private static final Logger LOG = Logger.getLogger(ScannedBatches.class.getName());

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final SeparatorSheets sheets;
    private final ProcessingQueue queue;
    private final AuditTrail audit;
    private final Clock clock;

    public ScannedBatches(UnitOfWork unitOfWork, DocumentRepository documents, SeparatorSheets sheets,
                          ProcessingQueue queue, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.sheets = sheets;
        this.queue = queue;
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
                SeparatorSheets.Placement placement = sheets.place(batch, i + 1, part);
                notes.addAll(placement.notes());
                CaseFile target = placement.caseFile();
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
                if (placement.question() != null) {
                    sheets.ask(document, placement.question());
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
