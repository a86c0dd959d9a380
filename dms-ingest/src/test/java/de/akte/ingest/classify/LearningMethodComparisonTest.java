package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.Classifier;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.classification.SimpleNaiveBayesClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Keeps the choice of learning method reproducible: Lucene's own classifiers on the same index fields
 * and the same folds as {@link DocumentClassifier}, figures printed.
 */
class LearningMethodComparisonTest {

    private static final String CLASS_FIELD = "class";
    private static final String[] BOTH_FIELDS = {ExampleIndex.STEMS, ExampleIndex.GRAMS};

    private final GermanAnalysis analysis = GermanAnalysis.withBundledDictionary();

    @FunctionalInterface
    private interface LuceneClassifierFactory {
        Classifier<BytesRef> create(IndexReader reader, Analyzer analyzer) throws IOException;
    }

    @Test
    void ownNearestNeighboursAreAtLeastAsAccurateAsLucenesClassifiers() throws Exception {
        List<LabelledText> corpus = new LabelledCorpusReader().read(sampleCorpus()).documents();
        ClassifierEvaluation evaluation = new ClassifierEvaluation(analysis, 5, ClassifierEvaluation.DEFAULT_SEED);
        List<List<Integer>> folds = evaluation.stratifiedFolds(corpus);

        ProtocolResult own = evaluation.crossValidate(corpus);
        ProtocolResult knn = crossValidate(corpus, folds, "Lucene KNearestNeighborClassifier k=15",
                (reader, analyzer) -> new KNearestNeighborClassifier(reader, new BM25Similarity(), analyzer, null,
                        NeighbourSettings.DEFAULTS.neighbours(), 1, 1, CLASS_FIELD, BOTH_FIELDS));
        ProtocolResult bayes = crossValidate(corpus, folds, "Lucene SimpleNaiveBayesClassifier (stems)",
                (reader, analyzer) -> new SimpleNaiveBayesClassifier(reader, analyzer, null, CLASS_FIELD, ExampleIndex.STEMS));

        Map<String, ProtocolResult> results = Map.of("DocumentClassifier (own k-NN, stems + n-grams)", own,
                knn.protocol(), knn, bayes.protocol(), bayes);
        results.forEach((name, result) -> System.out.printf(Locale.ROOT, "5-fold CV, %-48s accuracy %.3f, macro-F1 %.3f%n",
                name, result.accuracy(), result.macroF1()));
        assertTrue(own.accuracy() >= knn.accuracy() && own.accuracy() >= bayes.accuracy(),
                "the chosen method should not lose to Lucene's; revisit DocumentClassifier's Javadoc");
    }

    private ProtocolResult crossValidate(List<LabelledText> corpus, List<List<Integer>> folds, String name,
            LuceneClassifierFactory factory) throws IOException {
        ScoreTally tally = new ScoreTally();
        for (List<Integer> test : folds) {
            try (Analyzer analyzer = ExampleIndex.analyzer(analysis); ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
                try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                    for (int i = 0; i < corpus.size(); i++) {
                        if (!test.contains(i)) {
                            Document document = ExampleIndex.toDocument(new TrainingExample("d" + i, corpus.get(i).text(), Map.of()));
                            // Lucene's classifiers read the class as an indexed and stored term
                            document.add(new StringField(CLASS_FIELD, corpus.get(i).label(), Field.Store.YES));
                            writer.addDocument(document);
                        }
                    }
                }
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    Classifier<BytesRef> classifier = factory.create(reader, analyzer);
                    for (int i : test) {
                        ClassificationResult<BytesRef> result = classifier.assignClass(corpus.get(i).text());
                        tally.add(corpus.get(i).label(), result == null ? null : result.getAssignedClass().utf8ToString());
                    }
                }
            }
        }
        return tally.result(name);
    }

    private static Path sampleCorpus() throws Exception {
        return Path.of(Objects.requireNonNull(
                LearningMethodComparisonTest.class.getResource("/classify/sample-corpus.csv")).toURI());
    }
}
