package de.akte.core.search;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link TextIndex} must do, whatever runs it: German analysis, filters and facets, department
 * visibility, snippets and matched pages, paging and the commit lifecycle. Run once per backend by a subclass that
 * knows how to make a fresh, empty index.
 */
public abstract class TextIndexContractTest {

    protected static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    protected TextIndex index;

    /** A fresh, empty index for one test. */
    protected abstract TextIndex createIndex() throws Exception;

    /** Releases what {@link #createIndex()} made (the index is closed already). */
    protected void destroyIndex() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        index = createIndex();
    }

    @AfterEach
    void close() throws Exception {
        if (index != null) {
            index.close();
            destroyIndex();
        }
    }

    protected static IndexedDocument document(long id, String... pages) {
        return new IndexedDocument(id, "Dokument " + id, null, "32", "Bescheid", DAY, List.of(pages), Map.of());
    }

    protected void add(IndexedDocument... documents) {
        for (IndexedDocument document : documents) {
            index.index(document);
        }
        index.commit();
    }

    protected SearchResult search(String text) {
        return index.search(SearchQuery.of(text, null));
    }

    protected List<Long> idsFound(String text) {
        return ids(search(text));
    }

    protected static List<Long> ids(SearchResult result) {
        return result.items().stream().map(SearchHit::documentId).toList();
    }

    @Nested
    class GermanWords {

        @Test
        void aWordFindsTheCompoundsItIsPartOf() {
            add(document(1, "Der Baugenehmigungsantrag liegt vor."), document(2, "Die Sitzung fällt aus."));
            assertEquals(List.of(1L), idsFound("Baugenehmigung"));
            assertEquals(List.of(1L), idsFound("Antrag"));
            assertEquals(List.of(1L), idsFound("Genehmigungsantrag"));
        }

        @Test
        void aCompoundInTheQueryDoesNotFindDocumentsWithOnlyOneOfItsWords() {
            add(document(1, "Der Antrag wurde gestellt."), document(2, "Der Bau beginnt."));
            assertEquals(List.of(), idsFound("Bauantrag"));
        }

        @Test
        void aWordDoesNotMatchCompoundsThatOnlyShareLetters() {
            add(document(1, "Die Gemeinderatssitzung beginnt um neun."), document(2, "Ein Antrag."));
            assertEquals(List.of(2L), idsFound("Antrag"));
            assertEquals(List.of(1L), idsFound("Sitzung"));
        }

        @Test
        void sharpSAndDoubleSFindEachOther() {
            add(document(1, "Die Straße ist gesperrt."), document(2, "Der Strassenverkehr ruht."), document(3, "Ein Weg."));
            assertEquals(Set.of(1L, 2L), Set.copyOf(idsFound("Strasse")));
            assertEquals(Set.of(1L, 2L), Set.copyOf(idsFound("Straße")));
        }

        @Test
        void umlautsAndTheirTwoLetterSpellingsFindEachOther() {
            add(document(1, "Herr Müller beantragt Wohngeld."), document(2, "Frau Mueller zahlt."), document(3, "Herr Maler."));
            assertEquals(Set.of(1L, 2L), Set.copyOf(idsFound("Müller")));
            assertEquals(Set.of(1L, 2L), Set.copyOf(idsFound("Mueller")));
        }

        @Test
        void queriesWithoutUmlautsFindWordsWithUmlauts() {
            add(document(1, "Der Gebührenbescheid für die Müllabfuhr."), document(2, "Ein Bescheid."));
            assertEquals(List.of(1L), idsFound("Gebuhrenbescheid Mullabfuhr"));
            assertEquals(List.of(1L), idsFound("Gebuhren"));
        }

        @Test
        void inflectedFormsFindEachOther() {
            add(document(1, "Die Anträge der Bürger."), document(2, "Nichts davon."));
            assertEquals(List.of(1L), idsFound("Antrag Bürger"));
        }
    }

    @Nested
    class Queries {

        @Test
        void everyWordMustMatch() {
            add(document(1, "Antrag auf Wohngeld"), document(2, "Antrag auf Baugenehmigung"));
            assertEquals(List.of(1L), idsFound("Antrag Wohngeld"));
        }

        @Test
        void quotedWordsMustStandTogether() {
            add(document(1, "Antrag auf Wohngeld abgelehnt"), document(2, "Wohngeld: Antrag abgelehnt"));
            assertEquals(List.of(1L), idsFound("\"Antrag auf Wohngeld\""));
            assertEquals(Set.of(1L, 2L), Set.copyOf(idsFound("Antrag Wohngeld")));
        }

        @Test
        void aMatchInTheTitleRanksAboveAMatchInTheText() {
            add(new IndexedDocument(1, "Vermerk", null, "32", null, DAY, List.of("Es geht um Wohngeld."), Map.of()),
                    new IndexedDocument(2, "Wohngeld", null, "32", null, DAY, List.of("Es geht um einen Vermerk."), Map.of()));
            assertEquals(List.of(2L, 1L), idsFound("Wohngeld"));
        }

        @Test
        void metadataValuesAreSearchable() {
            add(new IndexedDocument(1, "Schreiben", null, "32", null, DAY, List.of("Text"), Map.of("sender", "Stadtwerke Köln")),
                    document(2, "Text"));
            assertEquals(List.of(1L), idsFound("Stadtwerke"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"unbalanced", "AND OR", "*", "(", ")", "[x TO", "a:b", "~2", "\\", "/", "\"\"", "!!!", "+-&&||"})
        void malformedInputIsReadAsPlainTextAndNeverFails(String text) {
            add(document(1, "unbalanced quotes are fine"));
            SearchResult result = assertDoesNotThrow(() -> search(text));
            assertTrue(result.total() <= 1);
        }

        @Test
        void anUnbalancedQuoteStillFindsTheWord() {
            add(document(1, "unbalanced quotes are fine"), document(2, "other"));
            assertEquals(List.of(1L), idsFound("\"unbalanced"));
        }

        @Test
        void aVeryLongQueryDoesNotExceedTheClauseLimit() {
            add(document(1, "wort"));
            String pasted = "wort ".repeat(500);
            assertEquals(List.of(1L), assertDoesNotThrow(() -> idsFound(pasted)));
        }
    }

    @Nested
    class FileReferences {

        @Test
        void aReferenceFindsOnlyDocumentsCitingItWhole() {
            add(document(1, "Az.: 32-41/2025 vom 3. März"), document(2, "Seite 32, Zeile 41, Jahr 2025"),
                    document(3, "Az.: 32-42/2025"));
            assertEquals(List.of(1L), idsFound("32-41/2025"));
        }

        @Test
        void aReferenceAfterAzFindsDocumentsCitingItWithoutAz() {
            add(document(1, "Unser Zeichen 32-41/2025"), document(2, "Az. 32-42/2025"));
            assertEquals(List.of(1L), idsFound("AZ 32-41/2025"));
        }

        @Test
        void partOfAReferenceFindsTheDocument() {
            add(document(1, "Az.: 32-41/2025"), document(2, "Az.: 33-41/2024"));
            assertEquals(List.of(1L), idsFound("41/2025"));
        }

        @Test
        void theCaseFileReferenceIsFoundByFreeText() {
            add(new IndexedDocument(1, "Brief", "61.2-0815/2024", "61", null, DAY, List.of("kein Zeichen"), Map.of()),
                    document(2, "kein Zeichen"));
            assertEquals(List.of(1L), idsFound("61.2-0815/2024"));
        }
    }

    @Nested
    class Snippets {

        @Test
        void matchedWordsAreMarked() {
            add(document(1, "Der Baugenehmigungsantrag von Herrn Müller liegt vor."));
            SearchHit hit = search("Baugenehmigung Mueller").items().get(0);
            assertEquals(List.of("Der <mark>Baugenehmigungsantrag</mark> von Herrn <mark>Müller</mark> liegt vor."), hit.snippets());
        }

        @Test
        void everythingElseIsHtmlEscaped() {
            add(document(1, "Wohngeld <script>alert('x')</script> & \"mehr\""));
            String snippet = search("Wohngeld").items().get(0).snippets().get(0);
            assertEquals("<mark>Wohngeld</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;mehr&quot;", snippet);
        }

        @Test
        void markupInAMatchedWordIsEscapedToo() {
            add(document(1, "Siehe <b>32-41/2025</b>"));
            assertEquals(List.of("Siehe &lt;b&gt;<mark>32-41/2025</mark>&lt;/b&gt;"), search("32-41/2025").items().get(0).snippets());
        }

        @Test
        void snippetsAreShortPassagesAroundTheMatches() {
            String filler = "Lorem ipsum dolor sit amet consectetur adipisici elit ".repeat(40);
            add(document(1, filler + "Wohngeld " + filler));
            List<String> snippets = search("Wohngeld").items().get(0).snippets();
            assertEquals(1, snippets.size());
            assertTrue(snippets.get(0).contains("<mark>Wohngeld</mark>"));
            assertTrue(snippets.get(0).length() < 300, snippets.get(0));
        }

        @Test
        void aMatchFarIntoALongDocumentStillGetsASnippet() {
            String page = "Lorem ipsum dolor sit amet consectetur adipisici elit. ".repeat(100);
            add(document(1, page, page, page, page + " Wohngeld am Ende."));
            assertTrue(search("Wohngeld").items().get(0).snippets().get(0).contains("<mark>Wohngeld</mark>"));
        }

        @Test
        void aDocumentFoundByItsTitleShowsTheBeginningOfItsText() {
            add(new IndexedDocument(1, "Wohngeld", null, "32", null, DAY, List.of("Sehr geehrte Damen und Herren."), Map.of()));
            assertEquals(List.of("Sehr geehrte Damen und Herren."), search("Wohngeld").items().get(0).snippets());
        }
    }

    @Nested
    class Pages {

        @Test
        void theHitListsEveryPageWithAMatch() {
            add(document(1, "Seite eins: Wohngeld", "Seite zwei: nichts", "Seite drei: Wohngeldantrag", "Seite vier"));
            assertEquals(List.of(1, 3), search("Wohngeld").items().get(0).pages());
        }

        @Test
        void pagesCountAlsoMatchesThatMadeNoSnippet() {
            String page = "Lorem ipsum dolor sit amet consectetur adipisici elit. ".repeat(30);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                pages.add(page + "Wohngeld " + page);
            }
            add(document(1, pages.toArray(String[]::new)));
            SearchHit hit = search("Wohngeld").items().get(0);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), hit.pages());
            assertTrue(hit.snippets().size() <= 3);
        }

        @Test
        void aMatchAtTheVeryStartOfAPageCountsForThatPage() {
            add(document(1, "eins", "Wohngeld", "drei"));
            assertEquals(List.of(2), search("Wohngeld").items().get(0).pages());
        }

        @Test
        void aMatchOnlyInTheTitleListsNoPage() {
            add(new IndexedDocument(1, "Wohngeld", null, "32", null, DAY, List.of("Text"), Map.of()));
            assertEquals(List.of(), search("Wohngeld").items().get(0).pages());
        }
    }

    @Nested
    class Visibility {

        private void addThreeDepartments() {
            add(new IndexedDocument(1, "A", null, "32", "Bescheid", LocalDate.of(2024, 1, 1), List.of("Wohngeld"), Map.of()),
                    new IndexedDocument(2, "B", null, "32", "Antrag", LocalDate.of(2025, 1, 1), List.of("Wohngeld"), Map.of()),
                    new IndexedDocument(3, "C", null, "50", "Bescheid", LocalDate.of(2025, 1, 1), List.of("Wohngeld"), Map.of()),
                    new IndexedDocument(4, "D", null, "61", "Vermerk", LocalDate.of(2023, 1, 1), List.of("Wohngeld"), Map.of()));
        }

        @Test
        void hiddenDocumentsAreNeitherReturnedNorCounted() {
            addThreeDepartments();
            SearchResult result = index.search(SearchQuery.of("Wohngeld", Set.of("32", "50")));
            assertAll(
                    () -> assertEquals(3, result.total()),
                    () -> assertEquals(Set.of(1L, 2L, 3L), Set.copyOf(ids(result))),
                    () -> assertEquals(Map.of("32", 2L, "50", 1L), result.facets().get("department")),
                    () -> assertEquals(Map.of("Bescheid", 2L, "Antrag", 1L), result.facets().get("documentType")),
                    () -> assertEquals(Map.of("2025", 2L, "2024", 1L), result.facets().get("year")));
        }

        @Test
        void theBlankQueryAlsoOnlyCountsVisibleDocuments() {
            addThreeDepartments();
            SearchResult result = index.search(SearchQuery.of("", Set.of("61")));
            assertEquals(1, result.total());
            assertEquals(Map.of("61", 1L), result.facets().get("department"));
            assertEquals(Map.of("Vermerk", 1L), result.facets().get("documentType"));
        }

        @Test
        void noVisibleDepartmentMeansNothingFound() {
            addThreeDepartments();
            SearchResult result = index.search(SearchQuery.of("Wohngeld", Set.of()));
            assertEquals(0, result.total());
            assertTrue(result.facets().get("department").isEmpty());
        }

        @Test
        void nullVisibleDepartmentsMeansAll() {
            addThreeDepartments();
            assertEquals(4, index.search(SearchQuery.of("Wohngeld", null)).total());
        }

        @Test
        void filteringOnAnInvisibleDepartmentFindsNothing() {
            addThreeDepartments();
            SearchQuery query = new SearchQuery("Wohngeld", Set.of("32"), "61", null, null, null, null, 0, 20);
            assertEquals(0, index.search(query).total());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Wohngeld", "50", "department:50", "department:*", "*", "Wohngeld OR 50",
                "\") OR (\"", "{\"match_all\":{}}", "Vermerk", "D", "61 50 32", "\"Wohngeld\" -32",
                "_id:3", "Wohngeld\u0000", "&#x35;0"})
        void aCallerNeverSeesAnotherDepartmentsDocumentsWhateverTheQuery(String text) {
            addThreeDepartments();
            for (int page = 0; page < 3; page++) {
                SearchResult result = index.search(new SearchQuery(text, Set.of("32"), null, null, null, null, null,
                        page, 1));
                assertTrue(result.total() <= 2, "counted hidden documents for " + text);
                result.items().forEach(hit -> assertEquals("32", hit.department(), "a hit of " + hit.department()));
                assertTrue(Set.of("32").containsAll(result.facets().get("department").keySet()));
                long visibleTypes = result.facets().get("documentType").values().stream().mapToLong(Long::longValue)
                        .sum();
                assertEquals(result.total(), visibleTypes, "the type facet counted hidden documents");
                assertFalse(result.facets().get("documentType").containsKey("Vermerk"));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "5*", "50 OR 32", "\"50\"", "", " ", "department:50", "32\" OR \"50"})
        void hostileDepartmentCodesAreTakenLiterally(String code) {
            addThreeDepartments();
            SearchResult asVisible = index.search(SearchQuery.of("Wohngeld", Set.of(code)));
            assertEquals(0, asVisible.total());
            assertTrue(asVisible.items().isEmpty());
            SearchResult asFilter = index.search(new SearchQuery("Wohngeld", Set.of("61"), code, null, null, null,
                    null, 0, 20));
            assertEquals(0, asFilter.total());
        }

        @Test
        void otherFiltersCannotWidenWhatIsVisible() {
            addThreeDepartments();
            assertEquals(0, index.search(new SearchQuery("", Set.of("61"), null, "Bescheid", null, null, null, 0, 20))
                    .total());
            assertEquals(0, index.search(new SearchQuery("", Set.of("50"), "32", null, null, null, null, 0, 20))
                    .total());
            assertEquals(0, index.search(new SearchQuery("Wohngeld", Set.of("61"), null, null, null,
                    LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), 0, 20)).total());
        }

        @Test
        void facetValuesComeMostFrequentFirst() {
            addThreeDepartments();
            Map<String, Long> departments = search("Wohngeld").facets().get("department");
            assertEquals(List.of("32", "50", "61"), List.copyOf(departments.keySet()));
        }
    }

    @Nested
    class Filters {

        @org.junit.jupiter.api.BeforeEach
        void addDocuments() {
            add(new IndexedDocument(1, "A", "32-41/2025", "32", "Bescheid", LocalDate.of(2025, 1, 10), List.of("Wohngeld"), Map.of()),
                    new IndexedDocument(2, "B", "32-41/2025", "32", "Antrag", LocalDate.of(2025, 2, 10), List.of("Wohngeld"), Map.of()),
                    new IndexedDocument(3, "C", "50-11/2024", "50", "Bescheid", LocalDate.of(2024, 12, 31), List.of("Wohngeld"), Map.of()),
                    new IndexedDocument(4, "D", null, "50", null, null, List.of("Wohngeld"), Map.of()));
        }

        private List<Long> filtered(String department, String type, String caseFile, LocalDate from, LocalDate to) {
            return ids(index.search(new SearchQuery("Wohngeld", null, department, type, caseFile, from, to, 0, 20)))
                    .stream().sorted().toList();
        }

        @Test
        void byDepartment() {
            assertEquals(List.of(3L, 4L), filtered("50", null, null, null, null));
        }

        @Test
        void byDocumentType() {
            assertEquals(List.of(1L, 3L), filtered(null, "Bescheid", null, null, null));
        }

        @Test
        void byCaseFile() {
            assertEquals(List.of(1L, 2L), filtered(null, null, "32-41/2025", null, null));
        }

        @Test
        void byDateRangeWithBothEndsInclusive() {
            assertEquals(List.of(1L, 2L), filtered(null, null, null, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 10)));
            assertEquals(List.of(3L), filtered(null, null, null, null, LocalDate.of(2025, 1, 9)));
            assertEquals(List.of(2L), filtered(null, null, null, LocalDate.of(2025, 1, 11), null));
        }

        @Test
        void filtersCombine() {
            assertEquals(List.of(1L), filtered("32", "Bescheid", "32-41/2025", LocalDate.of(2025, 1, 1), null));
        }

        @Test
        void facetsCountOnlyTheFilteredDocuments() {
            SearchResult result = index.search(new SearchQuery("Wohngeld", null, null, "Bescheid", null, null, null, 0, 20));
            assertEquals(Map.of("32", 1L, "50", 1L), result.facets().get("department"));
            assertEquals(Map.of("2025", 1L, "2024", 1L), result.facets().get("year"));
        }
    }

    @Nested
    class Paging {

        @org.junit.jupiter.api.BeforeEach
        void addDocuments() {
            for (int i = 1; i <= 25; i++) {
                index.index(new IndexedDocument(i, "T" + i, null, "32", null, DAY.plusDays(i), List.of("Wohngeld"), Map.of()));
            }
            index.commit();
        }

        private SearchResult page(String text, int page, int size) {
            return index.search(new SearchQuery(text, null, null, null, null, null, null, page, size));
        }

        @Test
        void pagesSplitTheHitsWithoutOverlapAndReportTheExactTotal() {
            Set<Long> seen = new HashSet<>();
            for (int p = 0; p < 3; p++) {
                SearchResult result = page("Wohngeld", p, 10);
                assertEquals(25, result.total());
                assertEquals(p < 2 ? 10 : 5, result.items().size());
                result.items().forEach(hit -> assertTrue(seen.add(hit.documentId())));
            }
            assertEquals(25, seen.size());
        }

        @Test
        void aPageBeyondTheLastIsEmptyButKeepsTheTotal() {
            SearchResult result = page("Wohngeld", 1000, 200);
            assertEquals(25, result.total());
            assertTrue(result.items().isEmpty());
        }

        @Test
        void aPageFarBeyondTheLastIsEmptyToo() {
            SearchResult result = page("Wohngeld", 100_000, 200);
            assertEquals(25, result.total());
            assertTrue(result.items().isEmpty());
            assertEquals(Map.of("32", 25L), result.facets().get("department"));
        }

        @Test
        void theBlankQueryListsNewestFirst() {
            assertEquals(List.of(25L, 24L, 23L), ids(page(" ", 0, 3)));
            assertEquals(List.of(22L, 21L, 20L), ids(page(null, 1, 3)));
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void indexingTheSameIdAgainReplacesTheEntry() {
            add(document(1, "Wohngeld"));
            add(document(1, "Grundsteuer"));
            assertEquals(1, index.count());
            assertEquals(List.of(), idsFound("Wohngeld"));
            assertEquals(List.of(1L), idsFound("Grundsteuer"));
        }

        @Test
        void changesAreInvisibleUntilCommitted() {
            add(document(1, "Wohngeld"));
            index.index(document(2, "Wohngeld"));
            index.delete(1);
            assertEquals(List.of(1L), idsFound("Wohngeld"));
            assertEquals(1, index.count());
            index.commit();
            assertEquals(List.of(2L), idsFound("Wohngeld"));
        }

        @Test
        void deleteRemovesOneEntryAndIgnoresUnknownIds() {
            add(document(1, "Wohngeld"), document(2, "Wohngeld"));
            index.delete(1);
            index.delete(99);
            index.commit();
            assertEquals(List.of(2L), idsFound("Wohngeld"));
            assertEquals(1, index.count());
        }

        @Test
        void deleteAllEmptiesTheIndex() {
            add(document(1, "Wohngeld"), document(2, "Wohngeld"));
            index.deleteAll();
            index.commit();
            assertEquals(0, index.count());
            assertEquals(0, search("").total());
        }

        @Test
        void anEmptyIndexFindsNothing() {
            SearchResult result = search("Wohngeld");
            assertEquals(0, result.total());
            assertEquals(Set.of("department", "documentType", "year"), result.facets().keySet());
        }

        @Test
        void searchesRunWhileDocumentsAreIndexed() throws Exception {
            add(document(0, "Wohngeld"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                work.add(pool.submit(() -> {
                    for (int i = 1; i <= 200; i++) {
                        index.index(document(i, "Wohngeld Antrag Nummer " + i));
                        if (i % 50 == 0) {
                            index.commit();
                        }
                    }
                }));
                for (int t = 0; t < 3; t++) {
                    work.add(pool.submit(() -> {
                        long last = 0;
                        for (int i = 0; i < 50; i++) {
                            long total = search("Wohngeld").total();
                            assertTrue(total >= last, "a committed document disappeared");
                            last = total;
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(201, search("Wohngeld").total());
        }
    }

    @Test
    void aHitCarriesTheStoredFieldsOfItsDocument() {
        add(new IndexedDocument(7, "Bescheid über Wohngeld", "32-41/2025", "32", "Bescheid", DAY, List.of("Text"), Map.of()));
        SearchHit hit = search("Wohngeld").items().get(0);
        assertAll(
                () -> assertEquals(7L, hit.documentId()),
                () -> assertEquals("Bescheid über Wohngeld", hit.title()),
                () -> assertEquals("32-41/2025", hit.caseFile()),
                () -> assertEquals("32", hit.department()),
                () -> assertEquals("Bescheid", hit.documentType()),
                () -> assertTrue(hit.score() > 0));
    }

    @Nested
    class PageWords {

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
    }

    @Test
    void annotationTextsAreSearchable() {
        index.index(new IndexedDocument(1, "Brief", null, "32", null, LocalDate.of(2025, 1, 1), List.of("Text"),
                Map.of(), List.of("Rückruf Bauherr vereinbart")));
        index.commit();
        assertEquals(1, index.search(SearchQuery.of("Rückruf", null)).total());
        assertEquals(LocalDate.of(2025, 1, 1), index.search(SearchQuery.of("Rückruf", null)).items().get(0).date());
    }

    @Test
    void aHealthyIndexSaysSoAndDescribesItself() {
        add(document(1, "Wohngeld"));
        assertEquals(de.akte.core.health.HealthStatus.UP, index.health().status());
        assertFalse(index.describe().isBlank());
    }
}
