package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.classification.Prediction;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentClassifierTest {

    private static final String TYPE = "documentType";
    private static GermanAnalysis analysis;

    private DocumentClassifier classifier;

    @BeforeAll
    static void loadDictionary() {
        analysis = GermanAnalysis.withBundledDictionary();
    }

    @BeforeEach
    void openClassifier() {
        classifier = new DocumentClassifier(new ByteBuffersDirectory(), analysis);
    }

    @AfterEach
    void closeClassifier() {
        classifier.close();
    }

    @Test
    void predictsTheTypeOfAClearDocumentAfterLearningAFew() {
        learnAFew(classifier);

        Prediction type = classifier.classify(
                "Wir beantragen die Baugenehmigung für einen Carport; Lageplan und Bauzeichnungen liegen bei.")
                .get(TYPE).orElseThrow();

        assertEquals("Bauantrag", type.value());
        assertTrue(type.confidence() > 0.5, type.toString());
        assertTrue(type.reason().startsWith("similar to "), type.reason());
    }

    @Test
    void predictsEveryLabelTheNeighboursCarry() {
        learnAFew(classifier);

        Classification classification = classifier.classify(
                "Bauantrag für ein Gartenhaus mit Lageplan und Bauzeichnungen.");

        assertEquals("63", classification.get("department").orElseThrow().value());
        assertTrue(classification.get("caseFile").isPresent());
    }

    @Test
    void confidenceGrowsWithTheNumberOfAgreeingExamples() {
        String text = "Wir beantragen die Baugenehmigung für einen Carport; Lageplan und Bauzeichnungen liegen bei.";
        classifier.learn(new TrainingExample("b1",
                "Hiermit beantrage ich die Baugenehmigung für ein Einfamilienhaus. Lageplan anbei.", Map.of(TYPE, "Bauantrag")));
        double afterOne = classifier.classify(text).get(TYPE).orElseThrow().confidence();

        learnAFew(classifier);
        double afterSeveral = classifier.classify(text).get(TYPE).orElseThrow().confidence();

        assertTrue(afterOne < 0.5, "one example is no reason to auto-file: " + afterOne);
        assertTrue(afterSeveral > afterOne, afterOne + " → " + afterSeveral);
    }

    @Test
    void learningACorrectionChangesTheNextPrediction() {
        learnAFew(classifier);
        String text = "Gegen die Rechnung über die Müllgebühren lege ich Widerspruch ein; der Betrag ist falsch.";
        classifier.learn(example("w1", text, "Widerspruch"));
        assertEquals("Widerspruch", type(text));

        classifier.learn(example("w1", text, "Beschwerde")); // the clerk corrected the filing

        assertEquals("Beschwerde", type(text));
        assertEquals(7, classifier.size(), "a correction replaces, not adds");
    }

    @Test
    void forgettingRemovesAnExample() {
        learnAFew(classifier);

        classifier.forget("b1");

        assertEquals(5, classifier.size());
    }

    @Test
    void anEmptyModelGivesNoPrediction() {
        Classification classification = classifier.classify("Hiermit beantrage ich eine Baugenehmigung.");

        assertTrue(classification.byLabel().isEmpty(), classification.toString());
    }

    @Test
    void aDocumentSharingNoWordWithTheExamplesGetsNoPrediction() {
        learnAFew(classifier);

        assertTrue(classifier.classify("xyzzy qwv").byLabel().isEmpty());
    }

    @Test
    void classifiesNoisyOcrTextThroughCharacterNGrams() {
        // umlauts lost, rn for m, 1 for l, c for e, words broken by the line end: no stem left intact
        String ocr = "Hierrnit bcantragc ich dic Baugcnehrnigung. Lagcp1an, Bauzeich- nungen, Baubcschrei bung anbci.";
        learnAFew(classifier);
        try (DocumentClassifier gramsOnly = new DocumentClassifier(new ByteBuffersDirectory(), analysis,
                new NeighbourSettings(15, 0.0f, 1.0f, 30, 60))) {
            learnAFew(gramsOnly);

            assertEquals("Bauantrag", type(ocr));
            assertEquals("Bauantrag", gramsOnly.classify(ocr).get(TYPE).map(Prediction::value).orElse(null),
                    "the n-grams alone recognise it");
        }
    }

    @Test
    void learnedExamplesSurviveARestart(@TempDir Path folder) throws Exception {
        String text = "Wir beantragen die Baugenehmigung für einen Carport mit Lageplan.";
        Classification before;
        try (Directory directory = FSDirectory.open(folder);
                DocumentClassifier onDisk = new DocumentClassifier(directory, analysis)) {
            learnAFew(onDisk);
            before = onDisk.classify(text);
        }

        try (Directory directory = FSDirectory.open(folder);
                DocumentClassifier reopened = new DocumentClassifier(directory, analysis)) {
            assertEquals(6, reopened.size());
            assertEquals(before, reopened.classify(text));
        }
    }

    @Test
    void rebuildReplacesEverythingLearned() {
        learnAFew(classifier);
        String text = "Rechnung Nr. 4711 über die Wartung der Heizung, zahlbar in 14 Tagen.";
        assertEquals("Rechnung", type(text));

        classifier.rebuild(List.of(
                example("x1", "Rechnung über die Wartung der Heizung im Rathaus.", "Kassenanordnung"),
                example("x2", "Protokoll der Sitzung des Bauausschusses.", "Sitzungsprotokoll")));

        assertEquals(2, classifier.size());
        assertEquals("Kassenanordnung", type(text));
    }

    private String type(String text) {
        return classifier.classify(text).get(TYPE).map(Prediction::value).orElse(null);
    }

    private static void learnAFew(DocumentClassifier classifier) {
        classifier.learn(new TrainingExample("b1",
                "Hiermit beantrage ich die Baugenehmigung für ein Einfamilienhaus. Lageplan, Bauzeichnungen und Baubeschreibung liegen bei.",
                Map.of(TYPE, "Bauantrag", "department", "63", "caseFile", "63-10/2025")));
        classifier.learn(new TrainingExample("b2",
                "Bauantrag für den Anbau einer Garage; die Bauvorlagen hat unser Architekt unterschrieben. Lageplan anbei.",
                Map.of(TYPE, "Bauantrag", "department", "63", "caseFile", "63-11/2025")));
        classifier.learn(new TrainingExample("r1",
                "Rechnung Nr. 1234: für die Wartung der Heizungsanlage berechnen wir 840,00 EUR. Zahlbar innerhalb von 14 Tagen.",
                Map.of(TYPE, "Rechnung", "department", "20")));
        classifier.learn(new TrainingExample("r2",
                "Rechnung über Büromaterial, Betrag inklusive Umsatzsteuer, bitte überweisen Sie auf unser Konto.",
                Map.of(TYPE, "Rechnung", "department", "20")));
        classifier.learn(new TrainingExample("m1",
                "Ich melde mich unter der neuen Anschrift an und bitte um eine Meldebescheinigung. Wohnungsgeberbestätigung anbei.",
                Map.of(TYPE, "Meldebescheinigung", "department", "32")));
        classifier.learn(new TrainingExample("m2",
                "Anmeldung der Hauptwohnung mit Familienangehörigen; Personalausweis zur Änderung der Anschrift beigefügt.",
                Map.of(TYPE, "Meldebescheinigung", "department", "32")));
    }

    private static TrainingExample example(String id, String text, String type) {
        return new TrainingExample(id, text, Map.of(TYPE, type));
    }
}
