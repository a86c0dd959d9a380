package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.classification.Classification;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepartmentScopedClassifierTest {

    private static final String HOUSING = "Antrag auf Wohngeld: Mietvertrag, Einkommensnachweis und Mietbescheinigung "
            + "liegen bei, bitte um Bewilligung des Mietzuschusses für den Haushalt.";
    private static final String BUILDING = "Bauantrag für einen Carport mit Lageplan und Bauzeichnungen, bitte um "
            + "Baugenehmigung nach Landesbauordnung.";

    private static GermanAnalysis analysis;

    @TempDir
    Path root;

    @BeforeAll
    static void loadDictionary() {
        analysis = GermanAnalysis.withBundledDictionary();
    }

    @Test
    void predictsAndExplainsFromTheDepartmentsOwnRecordsOnly() {
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            // department 50 has many records just like the letter, 63 only a few less alike
            for (int i = 0; i < 8; i++) {
                classifier.learn(example(100 + i, "50", "Wohngeldantrag", "50-1/2026", HOUSING + " Akte " + i));
            }
            for (int i = 0; i < 5; i++) {
                classifier.learn(example(200 + i, "63", "Bauantrag", "63-10/2025", BUILDING + " Fall " + i));
            }
            Classification seenFrom63 = classifier.classify("63", HOUSING);
            for (Prediction p : seenFrom63.predictions().values()) {
                assertFalse(Pattern.compile("\\b10\\d\\b").matcher(p.reason()).find(), "names a record of 50: " + p);
                assertFalse(p.value().startsWith("50") || p.value().equals("Wohngeldantrag"), p.toString());
            }
            Prediction type = classifier.classify("50", HOUSING).get(Label.DOCUMENT_TYPE).orElseThrow();
            assertEquals("Wohngeldantrag", type.value());
            assertTrue(type.reason().matches(".*\\b10\\d\\b.*"), type.reason());
            assertEquals(Classification.none(), classifier.classify("32", HOUSING), "nothing learned there, no guess");
            assertEquals("50", classifier.classifyAcrossDepartments(HOUSING).get(Label.DEPARTMENT).orElseThrow().value());
        }
    }

    @Test
    void aLetterSharingNoTellingWordsResemblesNoDepartmentEvenWhereOnlyOneHasRecords() {
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            for (int i = 0; i < 6; i++) {
                classifier.learn(example(100 + i, "50", "Wohngeldantrag", "50-1/2026", HOUSING + " Akte " + i));
            }
            assertTrue(classifier.classifyAcrossDepartments("Betreff: Ihr Schreiben vom 3. Mai, Zeichen 63-10/2025")
                    .get(Label.DEPARTMENT).isEmpty());
            assertEquals("50", classifier.classifyAcrossDepartments(HOUSING).get(Label.DEPARTMENT).orElseThrow().value());
        }
    }

    @Test
    void aDocumentMovedToAnotherDepartmentStopsVotingInItsOldOne() {
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            classifier.learn(example(1, "50", "Wohngeldantrag", "50-1/2026", HOUSING));
            classifier.learn(example(1, "63", "Bauantrag", "63-10/2025", HOUSING));
            assertEquals(0, classifier.size("50"));
            assertEquals(1, classifier.size("63"));
            assertEquals(1, classifier.size());
            classifier.forget(1);
            assertEquals(0, classifier.size("63"));
            assertEquals(0, classifier.size());
        }
    }

    @Test
    void rebuildsEveryDepartmentFromTheFiledRecordsAndKeepsThemAcrossRestarts() throws Exception {
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            classifier.learn(example(1, "32", "Bescheid", "32-1/2020", BUILDING));
            List<FilingExample> filed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                filed.add(example(10 + i, "50", "Wohngeldantrag", "50-1/2026", HOUSING + i));
                filed.add(example(20 + i, "6/3 ü", "Bauantrag", "63-10/2025", BUILDING + i));
            }
            classifier.rebuild(filed);
            assertEquals(0, classifier.size("32"), "a department without filed records is emptied");
            assertEquals(3, classifier.size("50"));
            assertEquals(3, classifier.size("6/3 ü"));
        }
        try (DepartmentScopedClassifier reopened = new DepartmentScopedClassifier(root, analysis)) {
            assertEquals(6, reopened.size());
            assertEquals(3, reopened.size("6/3 ü"), "department codes of any characters survive as directory names");
            try (var children = Files.list(root)) {
                assertTrue(children.allMatch(p -> p.getFileName().toString().matches("[a-z0-9-]+")));
            }
        }
    }

    @Test
    void replacesTheFirstSingleIndexLayoutSoItIsRebuiltPerDepartment() throws Exception {
        Files.writeString(root.resolve("segments_1"), "an index of every department at once");
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            assertFalse(Files.exists(root.resolve("segments_1")));
            assertEquals(0, classifier.size(), "empty, so that start-up learns again from the records");
        }
    }

    @Test
    void refusesToLearnADocumentWithoutDepartment() {
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            assertThrows(IllegalArgumentException.class, () -> classifier.learn(
                    new FilingExample(1, HOUSING, Map.of(Label.DOCUMENT_TYPE, "Wohngeldantrag"))));
        }
    }

    @Test
    void anotherDepartmentsLookalikeRecordsCostNoAccuracyWithinADepartment(@TempDir Path apart) throws Exception {
        List<LabelledText> corpus = new LabelledCorpusReader().read(Path.of(java.util.Objects.requireNonNull(
                getClass().getResource("/classify/sample-corpus.csv")).toURI())).documents();
        int baseline = 0;
        int scoped = 0;
        try (DepartmentScopedClassifier plain = new DepartmentScopedClassifier(apart, analysis);
             DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            // department 50 files the same letters under its own names: they must not sway department 63
            List<FilingExample> lookalikes = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                lookalikes.add(new FilingExample(10_000 + i, corpus.get(i).text(), Map.of(Label.DEPARTMENT, "50",
                        Label.DOCUMENT_TYPE, "50:" + corpus.get(i).label())));
            }
            classifier.rebuild(lookalikes);
            // online: each letter is predicted before it is learned, in both classifiers alike
            for (int i = 0; i < corpus.size(); i++) {
                LabelledText letter = corpus.get(i);
                String expected = letter.label();
                Prediction onItsOwn = plain.classify("63", letter.text()).get(Label.DOCUMENT_TYPE).orElse(null);
                Prediction besideLookalikes = classifier.classify("63", letter.text()).get(Label.DOCUMENT_TYPE)
                        .orElse(null);
                assertEquals(onItsOwn, besideLookalikes, "letter " + letter.lineNumber());
                String alone = onItsOwn == null ? null : onItsOwn.value();
                String in63 = besideLookalikes == null ? null : besideLookalikes.value();
                baseline += expected.equals(alone) ? 1 : 0;
                scoped += expected.equals(in63) ? 1 : 0;
                plain.learn(new FilingExample(i, letter.text(), Map.of(Label.DEPARTMENT, "63",
                        Label.DOCUMENT_TYPE, expected)));
                classifier.learn(new FilingExample(i, letter.text(), Map.of(Label.DEPARTMENT, "63",
                        Label.DOCUMENT_TYPE, expected)));
            }
        }
        System.out.printf("online accuracy on the sample corpus: alone %.3f, in a department beside a lookalike one"
                + " %.3f%n", baseline / (double) corpus.size(), scoped / (double) corpus.size());
        assertEquals(baseline, scoped);
        assertTrue(baseline > corpus.size() / 2, "the classifier still learns: " + baseline);
    }

    @Test
    void aRestartLoadsTheSavedModelAndPredictsExactlyAsBefore() throws Exception {
        List<LabelledText> corpus = sampleCorpus();
        Map<Integer, Prediction> before = new java.util.HashMap<>();
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            for (int i = 0; i < 40; i++) {
                classifier.learn(letter(i, corpus.get(i)));
            }
            for (int i = 40; i < 70; i++) {
                before.put(i, classifier.classify("63", corpus.get(i).text()).get(Label.DOCUMENT_TYPE).orElseThrow());
            }
        }
        assertTrue(Files.exists(root.resolve("department-3633").resolve("model.bin")), "saved on close");
        try (DepartmentScopedClassifier reopened = new DepartmentScopedClassifier(root, analysis)) {
            for (int i = 40; i < 70; i++) {
                assertEquals(before.get(i), reopened.classify("63", corpus.get(i).text()).get(Label.DOCUMENT_TYPE)
                        .orElseThrow(), "letter " + corpus.get(i).lineNumber());
            }
        }
    }

    @Test
    void filingsAfterTheLastSavedModelAreLearnedAgainAfterACrash(@TempDir Path crashed) throws Exception {
        List<LabelledText> corpus = sampleCorpus();
        String novel = "Antrag auf Sondernutzung des Gehwegs für einen Verkaufsstand am Wochenmarkt, Lageskizze anbei.";
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            List<FilingExample> first = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                first.add(letter(i, corpus.get(i)));
            }
            classifier.rebuild(first); // saved
            // fewer filings than a save waits for: after a crash they are only in the index
            for (int i = 0; i < 6; i++) {
                classifier.learn(new FilingExample(500 + i, novel + " Fall " + i,
                        Map.of(Label.DEPARTMENT, "63", Label.DOCUMENT_TYPE, "Sondernutzung")));
            }
            assertEquals("Sondernutzung", classifier.classify("63", novel).get(Label.DOCUMENT_TYPE).orElseThrow().value());
            copy(root, crashed); // what a crash leaves on disk: the committed indexes and the rebuild's snapshot
        }
        try (DepartmentScopedClassifier restarted = new DepartmentScopedClassifier(crashed, analysis)) {
            assertEquals(86, restarted.size("63"));
            assertEquals("Sondernutzung", restarted.classify("63", novel).get(Label.DOCUMENT_TYPE).orElseThrow().value(),
                    "a document type first filed after the snapshot is known again");
        }
    }

    @Test
    void anUnreadableSavedModelIsLearnedAgainFromTheDepartmentsOwnFilings() throws Exception {
        List<LabelledText> corpus = sampleCorpus();
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            List<FilingExample> first = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                first.add(letter(i, corpus.get(i)));
            }
            classifier.rebuild(first);
        }
        Files.writeString(root.resolve("department-3633").resolve("model.bin"), "not a model");
        try (DepartmentScopedClassifier reopened = new DepartmentScopedClassifier(root, analysis)) {
            assertEquals(100, reopened.size("63"));
            int right = 0;
            for (int i = 100; i < corpus.size(); i++) {
                Prediction type = reopened.classify("63", corpus.get(i).text()).get(Label.DOCUMENT_TYPE).orElseThrow();
                right += type.value().equals(corpus.get(i).label()) ? 1 : 0;
            }
            assertTrue(right > (corpus.size() - 100) * 0.8, right + " of " + (corpus.size() - 100));
        }
    }

    @Test
    void anIndexOfTheEarlierVersionWithoutTextsIsEmptiedToBeRebuiltFromTheRecords() throws Exception {
        Path department = root.resolve("department-3633");
        // what the first department-scoped version wrote: id, analysed text and labels, but neither text nor number
        try (var directory = org.apache.lucene.store.FSDirectory.open(Files.createDirectories(department));
             var writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig(analysis.forIndexing()))) {
            var earlier = new org.apache.lucene.document.Document();
            earlier.add(new org.apache.lucene.document.StringField(ExampleIndex.ID, "1",
                    org.apache.lucene.document.Field.Store.YES));
            earlier.add(new org.apache.lucene.document.TextField(ExampleIndex.STEMS, BUILDING,
                    org.apache.lucene.document.Field.Store.NO));
            earlier.add(new org.apache.lucene.document.StoredField("label.documentType", "Bauantrag"));
            writer.addDocument(earlier);
        }
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            assertEquals(0, classifier.size("63"));
            assertEquals(0, classifier.size(), "empty, so that start-up learns again from the records");
        }
    }

    @Test
    void aConfidenceIsLowUntilTheDepartmentHasShownItsClassifierRight() {
        try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
            classifier.learn(example(1, "63", "Bauantrag", "63-10/2025", BUILDING));
            classifier.learn(example(2, "63", "Wohngeldantrag", "63-11/2025", HOUSING));

            Prediction type = classifier.classify("63", BUILDING + " Nachtrag").get(Label.DOCUMENT_TYPE).orElseThrow();

            assertEquals("Bauantrag", type.value());
            assertTrue(type.confidence() < 0.5, type.toString());
        }
    }

    private List<LabelledText> sampleCorpus() throws Exception {
        return new LabelledCorpusReader().read(Path.of(java.util.Objects.requireNonNull(
                getClass().getResource("/classify/sample-corpus.csv")).toURI())).documents();
    }

    private static FilingExample letter(int id, LabelledText letter) {
        return new FilingExample(id, letter.text(), Map.of(Label.DEPARTMENT, "63", Label.DOCUMENT_TYPE, letter.label()));
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static FilingExample example(long id, String department, String type, String caseFile, String text) {
        return new FilingExample(id, text, Map.of(Label.DEPARTMENT, department, Label.DOCUMENT_TYPE, type,
                Label.CASE_FILE, caseFile));
    }
}
