package de.akte.core.infrastructure.lucene.analysis;

import static de.akte.core.infrastructure.lucene.analysis.AnalyzedTokens.compact;
import static de.akte.core.infrastructure.lucene.analysis.AnalyzedTokens.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class GermanDocumentAnalyzerTest {

    private static final Analyzer INDEXING = GermanDocumentAnalyzer.forIndexing(SharedSplitter.INSTANCE);
    private static final Analyzer QUERIES = GermanDocumentAnalyzer.forQueries();

    @AfterAll
    static void close() {
        INDEXING.close();
        QUERIES.close();
    }

    @Test
    void indexingAddsTheWordsOfACompoundAndTheirRunsAtItsPositionWithItsOffsets() {
        assertEquals(List.of(
                        "baugenehmigungsantrag/1[0,21]", "bau/0[0,21]", "baugenehmigung/0[0,21]", "genehmigung/0[0,21]",
                        "genehmigungsantrag/0[0,21]", "antrag/0[0,21]"),
                compact(INDEXING, "Baugenehmigungsantrag"));
    }

    @Test
    void queriesKeepCompoundsWhole() {
        assertEquals(List.of("baugenehmigungsantrag", "bauantrag"), terms(QUERIES, "Baugenehmigungsantrag Bauanträge"));
    }

    @Test
    void umlautsSharpSAndTheirTwoLetterSpellingsFoldToTheSameStem() {
        assertEquals(List.of("mull", "mull", "strass", "strass", "gebuhrenbescheid", "gebuhrenbescheid"),
                terms(QUERIES, "Müller Mueller Straße Strasse Gebührenbescheid Gebuehrenbescheid"));
    }

    @Test
    void compoundsSplitAlsoWhenWrittenWithoutSharpSOrUmlaut() {
        assertEquals(List.of("strassenverkehr", "strass", "verkehr", "mullabfuhr", "mull", "abfuhr"),
                terms(INDEXING, "Strassenverkehr Muellabfuhr"));
    }

    @Test
    void indexingKeepsAFileReferenceWholeAndAddsItsSegments() {
        assertEquals(List.of(
                        "az/1[0,2]", "32-41/2025/1[5,15]", "32/0[5,15]", "32-41/0[5,15]", "41/0[5,15]",
                        "41/2025/0[5,15]", "2025/0[5,15]", "vom/1[16,19]", "01.02.2025/1[20,30]"),
                compact(INDEXING, "Az.: 32-41/2025 vom 01.02.2025"));
    }

    @Test
    void queriesKeepAFileReferenceWholeAndDropTheAzInFrontOfIt() {
        assertEquals(List.of("32-41/2025"), terms(QUERIES, "AZ 32-41/2025"));
        assertEquals(List.of("32-41/2025"), terms(QUERIES, "Aktenzeichen 32-41/2025"));
        assertEquals(List.of("iii/2-123.45"), terms(QUERIES, "III/2-123.45"));
    }

    @Test
    void anAzNotFollowedByAReferenceStays() {
        assertEquals(List.of("az", "fehlt"), terms(QUERIES, "Az fehlt"));
        assertEquals(List.of("az"), terms(QUERIES, "Az"));
    }

    @Test
    void dashesBetweenLettersStillSeparateWords() {
        assertEquals(List.of("e/1[0,1]", "mail/1[2,6]"), compact(INDEXING, "E-Mail"));
    }

    @Test
    void anOcrEnDashInAReferenceReadsAsADash() {
        assertEquals(List.of("32-41/2025"), terms(QUERIES, "32\u201341/2025"));
    }

    @Test
    void markupIsReadAsWords() {
        assertEquals(List.of("script", "alert", "1", "script"), terms(INDEXING, "<script>alert(1)</script>"));
    }
}
