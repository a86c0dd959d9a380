package de.akte.core.infrastructure.opensearch;

import de.akte.core.search.IndexedDocument;
import de.akte.core.search.PageOffsets;
import de.akte.core.search.TextAnalysis;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The OpenSearch document of an {@link IndexedDocument}'s entry (see {@link IndexFields}). */
final class DocumentSource {

    private DocumentSource() {
    }

    static Map<String, Object> of(IndexedDocument document, TextAnalysis analysis) {
        Map<String, Object> source = new HashMap<>();
        source.put(IndexFields.ID, document.documentId());
        putIfPresent(source, IndexFields.TITLE, document.title());
        putIfPresent(source, IndexFields.CASE_FILE, document.caseFile());
        putIfPresent(source, IndexFields.DEPARTMENT, document.department());
        putIfPresent(source, IndexFields.DOCUMENT_TYPE, document.documentType());
        if (document.date() != null) {
            source.put(IndexFields.DATE, document.date().toString());
            source.put(IndexFields.YEAR, Integer.toString(document.date().getYear()));
        }
        source.put(IndexFields.PAGES, document.pages());
        if (document.title() != null) {
            source.put(IndexFields.TITLE_TERMS, terms(document.title(), analysis));
        }
        source.put(IndexFields.TEXT_TERMS, terms(PageOffsets.join(document.pages()), analysis));
        if (document.caseFile() != null) {
            source.put(IndexFields.CASE_FILE_TERMS, terms(document.caseFile(), analysis));
        }
        // one value each: the index keeps a gap between values, so no phrase runs from one into the next
        source.put(IndexFields.METADATA_TERMS, termsOfEach(document.metadata().values().stream().toList(), analysis));
        source.put(IndexFields.NOTES_TERMS, termsOfEach(document.notes(), analysis));
        return source;
    }

    private static void putIfPresent(Map<String, Object> source, String field, String value) {
        if (value != null) {
            source.put(field, value);
        }
    }

    private static String terms(String text, TextAnalysis analysis) {
        return TermEncoding.encode(analysis.forIndex(text));
    }

    private static List<String> termsOfEach(List<String> values, TextAnalysis analysis) {
        return values.stream()
                .filter(Objects::nonNull)
                .filter(value -> !value.isBlank())
                .map(value -> terms(value, analysis))
                .toList();
    }
}
