package de.akte.core.application.annotations;

import de.akte.core.security.Access;
import de.akte.core.annotation.Annotation;
import de.akte.core.annotation.AnnotationKind;
import de.akte.core.annotation.AnnotationRepository;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.List;
import java.util.Locale;

/**
 * Annotations (Vermerke) on document pages: everyone who may see a document sees its annotations, only the author
 * changes or deletes one. The document's blobs are never touched; note texts are indexed with the document.
 */
public class AnnotationService {

    private final UnitOfWork unitOfWork;
    private final AnnotationRepository annotations;
    private final DocumentRepository documents;
    private final IndexOutbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public AnnotationService(UnitOfWork unitOfWork, AnnotationRepository annotations, DocumentRepository documents,
                             IndexOutbox outbox, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.annotations = annotations;
        this.documents = documents;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The annotations of a document the caller may see, by page. */
    public List<AnnotationView> list(Caller caller, long documentId) {
        return unitOfWork.call(() -> {
            visibleDocument(caller, documentId);
            return annotations.ofDocument(documentId).stream().map(a -> AnnotationView.of(a, caller.username()))
                    .toList();
        });
    }

    public AnnotationView add(Caller caller, long documentId, NewAnnotation request) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        AnnotationKind kind = kind(request.kind());
        String text = text(request.text());
        check(kind, request.area() != null, text);
        if (request.page() == null || request.page() < 1) {
            throw new InvalidInputException("page", "name the page (1 or more)");
        }
        return unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            int version = document.current().number();
            int pages = documents.pagesOf(document.current().id()).size();
            // before recognition the page count is unknown; then only page 1 is certain to exist
            if (request.page() > Math.max(pages, 1)) {
                throw new InvalidInputException("page", "the document has " + Math.max(pages, 1) + " page(s)");
            }
            Annotation annotation = new Annotation(documentId, version, request.page(), kind, request.area(), text,
                    caller.username(), clock.now());
            annotations.add(annotation);
            if (text != null) {
                outbox.enqueue(documentId);
            }
            audit.record(caller.username(), AuditAction.CREATE, "annotation", annotationKey(annotation),
                    kind + " on page " + request.page() + " of version " + version);
            return AnnotationView.of(annotation, caller.username());
        });
    }

    /** Replaces text and area of one's own annotation. */
    public AnnotationView change(Caller caller, long documentId, long annotationId, NewAnnotation request) {
        String text = text(request.text());
        return unitOfWork.call(() -> {
            Annotation annotation = ownAnnotation(caller, documentId, annotationId);
            check(annotation.kind(), request.area() != null, text);
            boolean reindex = text != null || annotation.text().isPresent();
            annotation.change(request.area(), text, clock.now());
            if (reindex) {
                outbox.enqueue(documentId);
            }
            audit.record(caller.username(), AuditAction.UPDATE, "annotation", annotationKey(annotation),
                    "text and area replaced");
            return AnnotationView.of(annotation, caller.username());
        });
    }

    public void remove(Caller caller, long documentId, long annotationId) {
        unitOfWork.run(() -> {
            Annotation annotation = ownAnnotation(caller, documentId, annotationId);
            if (annotation.text().isPresent()) {
                outbox.enqueue(documentId);
            }
            audit.record(caller.username(), AuditAction.DELETE, "annotation", annotationKey(annotation),
                    annotation.kind() + " on page " + annotation.page());
            annotations.remove(annotation);
        });
    }

    private Annotation ownAnnotation(Caller caller, long documentId, long annotationId) {
        visibleDocument(caller, documentId);
        Annotation annotation = annotations.find(annotationId).filter(a -> a.documentId() == documentId)
                .orElseThrow(() -> new NotFoundException("no annotation " + annotationId + " on document " + documentId));
        if (!annotation.writtenBy(caller.username())) {
            throw new ForbiddenException("only the author of an annotation may change or delete it");
        }
        return annotation;
    }

    private Document visibleDocument(Caller caller, long id) {
        Document document = documents.find(id).orElseThrow(() -> new NotFoundException("no document " + id));
        return Access.visible(caller, document, id);
    }

    private static String annotationKey(Annotation a) {
        return a.documentId() + "/" + a.id();
    }

    private static AnnotationKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return AnnotationKind.NOTE;
        }
        try {
            return AnnotationKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind must be NOTE or HIGHLIGHT");
        }
    }

    private static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.length() > Annotation.MAX_TEXT) {
            throw new InvalidInputException("text", "a note may have at most " + Annotation.MAX_TEXT + " characters");
        }
        return text;
    }

    private static void check(AnnotationKind kind, boolean hasArea, String text) {
        if (kind == AnnotationKind.NOTE && text == null) {
            throw new InvalidInputException("text", "a note needs a text");
        }
        if (kind == AnnotationKind.HIGHLIGHT && !hasArea) {
            throw new InvalidInputException("area", "a highlight needs an area");
        }
    }
}
