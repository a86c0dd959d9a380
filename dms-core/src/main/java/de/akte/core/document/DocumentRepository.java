package de.akte.core.document;

import de.akte.core.casefile.CaseFile;
import de.akte.core.recognition.RecognizedContent;

import java.util.List;
import java.util.Optional;

/** Stores and finds documents, their versions and page texts. */
public interface DocumentRepository {
    Optional<Document> find(long id);

    void add(Document document);

    /** Stores a version just added to a stored document. */
    void add(DocumentVersion version);

    List<Document> findInCaseFile(CaseFile caseFile);

    /** Ids of all documents, ascending, in slices (for index rebuilds). */
    List<Long> idsAfter(long afterId, int limit);

    long count();

    List<DocumentPage> pagesOf(long documentVersionId);

    /** Documents waiting for review in the department, oldest first. */
    List<Document> inbox(String departmentCode, int offset, int limit);

    long countInbox(String departmentCode);

    /** Ids of documents a person filed, ascending, in slices (to rebuild the classifier). */
    List<Long> filedIdsAfter(long afterId, int limit);

    /** Stores a version's pages (text, word boxes), replacing what an earlier run stored. */
    void replacePages(long documentVersionId, List<RecognizedContent> pages);

    /** Whether any stored version refers to the blob, as original or as rendition. */
    boolean isBlobReferenced(String sha256);

    /**
     * Removes a document with its versions, pages, fields, metadata, predictions and processing tasks;
     * what only pointed at it (import items, split parts) forgets it.
     */
    void remove(Document document);
}
