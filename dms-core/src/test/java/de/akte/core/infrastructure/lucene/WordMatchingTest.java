package de.akte.core.infrastructure.lucene;

import de.akte.core.infrastructure.lucene.analysis.SharedSplitter;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Page words are matched to a query as the index analyses them, so the highlighted boxes are the found words. */
class WordMatchingTest {

    private final LuceneTextIndex index = LuceneTextIndex.inMemory(SharedSplitter.INSTANCE);

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void matchesInflectedUmlautFoldedAndPunctuatedWords() {
        List<String> words = List.of("Der", "Bauanträge", "für", "die", "Lindenstraße,", "wurden", "genehmigt.");
        assertEquals(List.of(1, 4), index.matchingWords("bauantrag Lindenstrasse", words));
    }

    @Test
    void matchesCompoundsByTheirPartsAsTheIndexDoes() {
        List<String> words = List.of("Bauantrag", "Antrag", "Bauamt");
        assertEquals(List.of(0, 1), index.matchingWords("Antrag", words));
    }

    @Test
    void ignoresNegatedTermsOperatorsAndEmptyQueries() {
        List<String> words = List.of("Wohngeld", "und", "Miete");
        assertEquals(List.of(0), index.matchingWords("Wohngeld AND -Miete", words));
        assertEquals(List.of(), index.matchingWords("  ", words));
        assertEquals(List.of(), index.matchingWords(null, words));
    }

    @Test
    void annotationTextsAreSearchable() {
        index.index(new IndexedDocument(1, "Brief", null, "32", null, LocalDate.of(2025, 1, 1), List.of("Text"),
                Map.of(), List.of("Rückruf Bauherr vereinbart")));
        index.commit();
        assertEquals(1, index.search(SearchQuery.of("Rückruf", null)).total());
        assertEquals(LocalDate.of(2025, 1, 1), index.search(SearchQuery.of("Rückruf", null)).items().get(0).date());
    }
}
