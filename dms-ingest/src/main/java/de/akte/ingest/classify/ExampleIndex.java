package de.akte.ingest.classify;

import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;

/**
 * How a {@link TrainingExample} is laid out in the classifier's Lucene index: the text twice, stemmed
 * German words and character n-grams, and the labels as stored fields.
 */
final class ExampleIndex {

    static final String ID = "id";
    static final String STEMS = "stems";
    static final String GRAMS = "grams";
    static final String TEXT = "text";
    static final String SEQUENCE = "sequence";
    private static final String LABEL_PREFIX = "label.";

    // Term vectors on the stems let a prediction name the words it shares with its neighbours.
    private static final FieldType STEMS_TYPE = textType(true);
    private static final FieldType GRAMS_TYPE = textType(false);

    private ExampleIndex() {
    }

    /** Stems: the project's German chain with compound parts; grams: {@link CharacterNGramAnalyzer}. */
    static Analyzer analyzer(GermanAnalysis analysis) {
        return new PerFieldAnalyzerWrapper(analysis.forIndexing(),
                Map.of(GRAMS, new CharacterNGramAnalyzer()));
    }

    /**
     * German function words as they come out of the analyzer, for {@link
     * org.apache.lucene.queries.mlt.MoreLikeThis}: in a young index "die" or "für" are rare enough to
     * look telling, and would then be named in explanations.
     */
    static Set<String> stopWords(Analyzer analyzer) {
        Set<String> stopWords = new HashSet<>();
        for (Object word : GermanAnalyzer.getDefaultStopSet()) {
            String text = new String((char[]) word);
            stopWords.add(text);
            try (TokenStream tokens = analyzer.tokenStream(STEMS, text)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    stopWords.add(term.toString());
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(stopWords);
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    static Document toDocument(TrainingExample example) {
        return toDocument(example, 0);
    }

    /**
     * The example with the text kept (so a lost model can be learned again from its own scope) and the number of
     * the filing that taught it (so a model snapshot knows which filings came after it).
     */
    static Document toDocument(TrainingExample example, long sequence) {
        Document document = new Document();
        document.add(new StringField(ID, example.id(), Field.Store.YES));
        document.add(new StoredField(TEXT, example.text()));
        document.add(new LongPoint(SEQUENCE, sequence));
        document.add(new NumericDocValuesField(SEQUENCE, sequence));
        document.add(new Field(STEMS, example.text(), STEMS_TYPE));
        document.add(new Field(GRAMS, example.text(), GRAMS_TYPE));
        example.labels().forEach((label, value) -> document.add(new StoredField(LABEL_PREFIX + label, value)));
        return document;
    }

    /** The labels stored with an example. */
    static Map<String, String> labels(Document stored) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (IndexableField field : stored.getFields()) {
            if (field.name().startsWith(LABEL_PREFIX)) {
                labels.put(field.name().substring(LABEL_PREFIX.length()), field.stringValue());
            }
        }
        return labels;
    }

    private static FieldType textType(boolean termVectors) {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setTokenized(true);
        type.setStoreTermVectors(termVectors);
        type.freeze();
        return type;
    }
}
