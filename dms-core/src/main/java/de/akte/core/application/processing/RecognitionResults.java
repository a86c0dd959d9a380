package de.akte.core.application.processing;

import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FieldOccurrence;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.processing.RecognitionListener;
import de.akte.core.recognition.Recognition;
import de.akte.core.shared.UnitOfWork;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores what recognition found for a version (text page by page, word boxes, found fields, the archival
 * rendition), marks the document ready and tells the listener (which classifies and files it).
 */
public class RecognitionResults {

    private static final Logger LOG = Logger.getLogger(RecognitionResults.class.getName());

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final ProcessingQueue queue;
    private final LocalCopies copies;
    private final RecognitionListener listener;

    public RecognitionResults(UnitOfWork unitOfWork, DocumentRepository documents, ProcessingQueue queue,
                              LocalCopies copies, RecognitionListener listener) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.queue = queue;
        this.copies = copies;
        this.listener = listener;
    }

    /** Records the recognition and, when it was the current version, tells the listener. */
    void record(ClaimedTask work, Recognition recognition) {
        if (store(work, recognition)) {
            tell(work.documentId());
        }
    }

    /** Stores what recognition found; true when it was the current version. */
    private boolean store(ClaimedTask work, Recognition recognition) {
        // the rendition's bytes are stored before the row that names them, like every blob
        String renditionSha = recognition.rendition().map(copies::store).map(b -> b.id().sha256()).orElse(null);
        List<FieldOccurrence> fields = recognition.fields().stream()
                .map(f -> new FieldOccurrence(f.kind(), f.value(), f.raw(), f.page(), f.start(), f.end())).toList();
        return unitOfWork.call(() -> {
            Document document = documents.find(work.documentId()).orElseThrow();
            DocumentVersion version = document.version(work.versionNumber()).orElseThrow();
            documents.replacePages(work.versionId(), recognition.pages());
            version.recordRecognition(recognition.mediaType(), recognition.pages().size(),
                    withFieldSummary(recognition.metadata(), fields));
            version.recordFields(fields);
            if (renditionSha != null) {
                version.attachRendition(renditionSha);
            }
            if (document.currentVersion() == version.number()) {
                if (document.documentDate().isEmpty()) {
                    firstDate(fields).ifPresent(document::dateAs);
                }
                document.markReady();
            }
            queue.completed(work.taskId(), document.id());
            return document.currentVersion() == version.number();
        });
    }

    // the document is recorded whatever a listener does: classification trouble must not undo recognition
    private void tell(long documentId) {
        try {
            listener.recognized(documentId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "document " + documentId + " was recognised, but what follows failed", e);
        }
    }

    // the found fields also go into the version's metadata, so the API shows them and the index finds them
    private static Map<String, String> withFieldSummary(Map<String, String> metadata, List<FieldOccurrence> fields) {
        Map<String, String> all = new LinkedHashMap<>(metadata);
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (FieldOccurrence f : fields) {
            List<String> values = byKind.computeIfAbsent("found." + camel(f.kind()), k -> new ArrayList<>());
            if (!values.contains(f.value())) {
                values.add(f.value());
            }
        }
        byKind.forEach((k, v) -> all.put(k, String.join("; ", v)));
        return all;
    }

    private static String camel(String kind) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kind.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Optional<LocalDate> firstDate(List<FieldOccurrence> fields) {
        return fields.stream().filter(f -> "DOCUMENT_DATE".equals(f.kind())).findFirst().flatMap(f -> {
            try {
                return Optional.of(LocalDate.parse(f.value()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
