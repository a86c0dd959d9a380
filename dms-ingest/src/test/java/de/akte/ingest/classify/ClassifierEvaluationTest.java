package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ClassifierEvaluationTest {

    @Test
    void theSampleCorpusIsClassifiedWellUnderBothProtocols() throws Exception {
        List<LabelledText> corpus = new LabelledCorpusReader().read(sampleCorpus()).documents();
        assertTrue(corpus.size() >= 120, "sample corpus size " + corpus.size());

        EvaluationResult result = new ClassifierEvaluation().evaluate(corpus);
        System.out.println("Sample corpus, " + corpus.size() + " documents:" + EvaluateCommand.report(result));

        assertEquals(corpus.size(), result.crossValidation().documents());
        assertTrue(result.crossValidation().accuracy() > 0.8, "cross-validation " + result.crossValidation());
        assertTrue(result.crossValidation().macroF1() > 0.75, "cross-validation " + result.crossValidation());
        // online starts from nothing, so it trails cross-validation, but must still learn
        assertTrue(result.online().accuracy() > 0.6, "online " + result.online());
        assertTrue(result.online().unpredicted() >= 1, "the first document cannot be predicted");
    }

    @Test
    void missingPredictionsCountAsWrongAndMacroF1AveragesTheTrueLabels() {
        ScoreTally tally = new ScoreTally();
        tally.add("A", null);
        tally.add("A", "A");
        tally.add("B", "A");
        tally.add("B", "B");

        ProtocolResult result = tally.result("test");

        assertEquals(0.5, result.accuracy(), 1e-9);
        // A: precision 1/2, recall 1/2 → F1 1/2; B: precision 1, recall 1/2 → F1 2/3
        assertEquals((0.5 + 2.0 / 3) / 2, result.macroF1(), 1e-9);
        assertEquals(1, result.unpredicted());
    }

    @Test
    void theFoldsPartitionTheCorpusSoEveryDocumentIsPredictedOnce() throws Exception {
        List<LabelledText> corpus = new LabelledCorpusReader().read(sampleCorpus()).documents().subList(0, 40);

        ProtocolResult result = new ClassifierEvaluation(GermanAnalysis.withBundledDictionary(), 3, 7)
                .crossValidate(corpus);

        assertEquals(40, result.documents());
    }

    @Test
    void theCommandPrintsAReport() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new EvaluateCommand());
        command.setOut(new PrintWriter(out));

        int exit = command.execute(sampleCorpus().toString(), "--folds", "3");

        assertEquals(0, exit);
        assertTrue(out.toString().contains("3-fold cross-validation: accuracy"), out.toString());
        assertTrue(out.toString().contains("online: accuracy"), out.toString());
    }

    private static Path sampleCorpus() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(
                ClassifierEvaluationTest.class.getResource("/classify/sample-corpus.csv")).toURI());
    }
}
