package de.akte.core.application.search;

import de.akte.core.security.Access;
import de.akte.core.annotation.Annotation;
import de.akte.core.annotation.AnnotationRepository;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentPage;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.indexing.IndexRequest;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.TextIndex;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the full-text index in step with the database by draining the outbox, and rebuilds it
 * from the database when asked. Applying a request twice is harmless, so a crash between
 * index commit and outbox delete only repeats work.
 */
public class DocumentIndexer {

    private static final int REBUILD_BATCH = 200;

    private final UnitOfWork unitOfWork;
    private final IndexOutbox outbox;
    private final DocumentRepository documents;
    private final TextIndex index;
    private final AnnotationRepository annotations;

    public DocumentIndexer(UnitOfWork unitOfWork, IndexOutbox outbox, DocumentRepository documents, TextIndex index,
                           AnnotationRepository annotations) {
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.documents = documents;
        this.index = index;
        this.annotations = annotations;
    }

    /** Applies up to {@code limit} pending outbox requests; returns how many were applied. */
    public int drain(int limit) {
        List<IndexRequest> requests = unitOfWork.call(() -> outbox.oldest(limit));
        if (requests.isEmpty()) {
            return 0;
        }
        Set<Long> documentIds = new LinkedHashSet<>();
        requests.forEach(r -> documentIds.add(r.documentId()));
        List<Optional<IndexedDocument>> loaded = unitOfWork.call(() -> documentIds.stream().map(this::load).toList());
        int i = 0;
        for (long id : documentIds) {
            Optional<IndexedDocument> entry = loaded.get(i++);
            if (entry.isPresent()) {
                index.index(entry.get());
            } else {
                index.delete(id);
            }
        }
        index.commit();
        List<Long> applied = requests.stream().map(IndexRequest::id).toList();
        unitOfWork.run(() -> outbox.remove(applied));
        return requests.size();
    }

    /** Drains until the outbox is empty. */
    public int drainAll() {
        int total = 0;
        int n;
        while ((n = drain(500)) > 0) {
            total += n;
        }
        return total;
    }

    /** Throws the index away and builds it again from the database; returns the number of documents indexed. */
    public long rebuild(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        index.deleteAll();
        long count = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = unitOfWork.call(() -> documents.idsAfter(from, REBUILD_BATCH));
            if (ids.isEmpty()) {
                break;
            }
            List<Optional<IndexedDocument>> batch = unitOfWork.call(() -> ids.stream().map(this::load).toList());
            for (Optional<IndexedDocument> entry : batch) {
                if (entry.isPresent()) {
                    index.index(entry.get());
                    count++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
        index.commit();
        return count;
    }

    private Optional<IndexedDocument> load(long documentId) {
        return documents.find(documentId).map(this::toIndexed);
    }

    private IndexedDocument toIndexed(Document d) {
        List<String> pages = List.of();
        // while a new version is being processed, keep finding the document by its previous text
        List<DocumentVersion> versions = d.versions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            DocumentVersion v = versions.get(i);
            List<DocumentPage> stored = documents.pagesOf(v.id());
            if (!stored.isEmpty()) {
                pages = stored.stream().map(DocumentPage::text).toList();
                break;
            }
        }
        LocalDate date = d.documentDate().orElse(LocalDate.ofInstant(d.createdAt(), Clock.ZONE));
        return new IndexedDocument(d.id(), d.title(), d.caseFile().map(c -> c.fileReference().value()).orElse(null),
                d.department().code(), d.documentType().orElse(null), date, pages,
                d.versions().isEmpty() ? java.util.Map.of() : d.current().metadata(),
                annotations.ofDocument(d.id()).stream().flatMap(a -> a.text().stream()).toList());
    }
}
