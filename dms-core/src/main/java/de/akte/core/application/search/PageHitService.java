package de.akte.core.application.search;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.ReadAudit;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentPage;
import de.akte.core.document.DocumentRepository;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.recognition.WordBox;
import de.akte.core.search.TextIndex;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the OCR word boxes of a page that a search query matches, so a viewer can highlight them on the scan. The
 * boxes carry the page's words, so asking is a read of the record and audited.
 */
public class PageHitService {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final TextIndex index;
    private final ReadAudit audit;

    public PageHitService(UnitOfWork unitOfWork, DocumentRepository documents, TextIndex index, ReadAudit audit) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.index = index;
        this.audit = audit;
    }

    /** The matching word boxes on page {@code page} (1-based) of the current version. */
    public PageHits hits(Caller caller, long documentId, int page, String query) {
        if (query != null && query.length() > 1000) {
            throw new InvalidInputException("q", "the query is longer than 1000 characters");
        }
        record Loaded(int version, RecognizedContent content) {
        }
        Loaded loaded = unitOfWork.call(() -> {
            Document document = documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("no document " + documentId));
            Access.visible(caller, document, documentId);
            Access.requireReadable(caller, document, document.current(), false);
            List<DocumentPage> pages = documents.pagesOf(document.current().id());
            DocumentPage found = pages.stream().filter(p -> p.pageNumber() == page).findFirst()
                    .orElseThrow(() -> new NotFoundException("document " + documentId + " has no page " + page));
            audit.record(caller.username(), AuditAction.READ_CONTENT, "document", Long.toString(documentId), "hits",
                    "version=" + document.current().number() + "; page " + page + " hits for q=" + query);
            return new Loaded(document.current().number(), found.content());
        });
        RecognizedContent content = loaded.content();
        List<WordBox> words = content.words();
        List<Integer> matching = index.matchingWords(query, words.stream().map(WordBox::text).toList());
        int width = content.width();
        int height = content.height();
        List<PageHits.Box> boxes = new ArrayList<>();
        for (int i : matching) {
            WordBox w = words.get(i);
            boxes.add(new PageHits.Box(w.text(), w.x(), w.y(), w.width(), w.height(), relative(w.x(), width),
                    relative(w.y(), height), relative(w.width(), width), relative(w.height(), height)));
        }
        return new PageHits(documentId, loaded.version(), page, width, height, boxes);
    }

    private static double relative(int pixels, int total) {
        return total <= 0 ? 0 : (double) pixels / total;
    }
}
