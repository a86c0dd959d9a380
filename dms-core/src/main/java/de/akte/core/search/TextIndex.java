package de.akte.core.search;

/** The full-text index of documents: German analysis, snippets, facets, department filtering. */
public interface TextIndex extends AutoCloseable {

    /** Adds or replaces the entry of one document (keyed by {@link IndexedDocument#documentId()}). */
    void index(IndexedDocument document);

    /** Removes the entry of one document; unknown ids are ignored. */
    void delete(long documentId);

    /** Removes every entry (before a rebuild). */
    void deleteAll();

    /** Makes every change so far durable and visible to searches. */
    void commit();

    /** Runs a query; only documents of {@link SearchQuery#visibleDepartments()} are counted or returned. */
    SearchResult search(SearchQuery query);

    /**
     * Which of the given words (e.g. the OCR words of a page) a free-text query would match, analysed exactly as
     * the index analyses text and queries (case, umlauts, stems, compound parts); returns their positions in
     * {@code words}, ascending. Negated terms and operators of the query do not count.
     */
    java.util.List<Integer> matchingWords(String query, java.util.List<String> words);

    /**
     * Whether the index can take a write and answer a search, exercised for real; DEGRADED or DOWN with the
     * reason an operator needs.
     */
    de.akte.core.health.ComponentHealth health();

    /** Where the index is, for administrators: its backend and address or directory. */
    String describe();

    /** Number of documents in the index (as of the last commit). */
    long count();

    @Override
    void close();
}
