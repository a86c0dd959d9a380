package de.akte.ingest.classify;

import de.akte.core.classification.Prediction;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Predicts document type, department, case file (any stored label) of a new document by a vote of the k most
 * similar filed documents, learned online. (Administrators' rules are the core's {@code RuleBook}, whose
 * predictions take precedence over these.)
 *
 * <p>Method: own k-nearest-neighbours over a Lucene index. The query is built by {@link MoreLikeThis}
 * from the new text twice, over German stems (the search index's {@link GermanAnalysis} with
 * compound parts) and over character 3–5-grams ({@link CharacterNGramAnalyzer}, which survive OCR
 * noise), scored with BM25; the 15 nearest vote with their similarity ({@link NeighbourVote}). Chosen
 * by measuring on the sample corpus (143 letters, 8 types, a fifth OCR-noisy, 5-fold stratified
 * cross-validation, accuracy / macro-F1): this classifier 0.96 / 0.96 (stems only 0.91, n-grams only
 * 0.90); Lucene's {@code KNearestNeighborClassifier} on both fields 0.92 / 0.92 with k = 15, 0.87 with
 * k = 5; {@code SimpleNaiveBayesClassifier} 0.83 / 0.82 on stems, 0.80 on both fields (and 12 s for
 * the five folds against 2 s), with posteriors of 0.97–0.99 on average, right or wrong, so useless for
 * an auto-filing threshold. {@code LearningMethodComparisonTest} repeats the measurement. Besides, one search here predicts every label at once (Lucene's classifiers search once
 * per label), the neighbours and shared words explain the prediction, and learning or forgetting is
 * adding or deleting one document, so online learning is exact and immediate.
 *
 * <p>The examples live in the given directory, committed on every change, so nothing is lost on a
 * restart. Thread-safe; {@link #close()} leaves the directory to its owner.
 */
public final class DocumentClassifier implements AutoCloseable {

    private static final int EXPLAINED_WORDS = 10;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final Set<String> stopWords;
    private final NeighbourVote vote;
    private final NeighbourSettings settings;

    /** A classifier over the examples in {@code index}; loads its own compound dictionary. */
    public DocumentClassifier(Directory index) {
        this(index, GermanAnalysis.withBundledDictionary());
    }

    /** A classifier over the examples in {@code index}, sharing a loaded compound dictionary. */
    public DocumentClassifier(Directory index, GermanAnalysis analysis) {
        this(index, analysis, NeighbourSettings.DEFAULTS);
    }

    DocumentClassifier(Directory index, GermanAnalysis analysis, NeighbourSettings settings) {
        this.analyzer = ExampleIndex.analyzer(analysis);
        this.stopWords = ExampleIndex.stopWords(analyzer);
        this.settings = settings;
        this.vote = new NeighbourVote(settings.neighbours());
        IndexWriter opened = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            opened = new IndexWriter(index, config);
            opened.commit(); // a new directory becomes a readable, empty index
            this.searchers = new SearcherManager(opened, null);
            this.writer = opened;
        } catch (IOException e) {
            // the writer holds the directory's write lock: release it, or no one can open the index again
            IOUtils.closeWhileHandlingException(opened, analyzer);
            throw new UncheckedIOException("cannot open the classifier index", e);
        }
    }

    /** Every label the learned examples predict; none while nothing similar has been learned. */
    public Classification classify(String text) {
        return new Classification(learned(text, 0));
    }

    /**
     * A vote of only those neighbours that share at least {@code sharedWords} of the text's most telling words:
     * in a young index the nearest documents may be near in name only (a few character n-grams), which is enough
     * to rank but no evidence that a text belongs with them.
     */
    public Classification resemblance(String text, int sharedWords) {
        return new Classification(learned(text, sharedWords));
    }

    /** Adds the example, or replaces the one with the same id; the next {@link #classify} sees it. */
    public void learn(TrainingExample example) {
        change(() -> writer.updateDocument(ExampleIndex.idTerm(example.id()), ExampleIndex.toDocument(example)));
    }

    /** Adds or replaces the example as the filing numbered {@code sequence}, with its text kept. */
    void learn(TrainingExample example, long sequence) {
        change(() -> writer.updateDocument(ExampleIndex.idTerm(example.id()), ExampleIndex.toDocument(example, sequence)));
    }

    /** Throws all examples away and learns these, numbered from 1 in order. */
    void rebuildNumbered(List<TrainingExample> all) {
        change(() -> {
            writer.deleteAll();
            long sequence = 0;
            for (TrainingExample example : all) {
                writer.updateDocument(ExampleIndex.idTerm(example.id()), ExampleIndex.toDocument(example, ++sequence));
            }
        });
    }

    /**
     * The nearest learned examples to an analysed text, by BM25 over a few of its most telling stems and character
     * n-grams (chosen by the caller), keeping only those that share at least {@code minimumSharedWords} of
     * {@code explainedWords}. Few query terms keep the search short however many examples there are; the rare
     * terms chosen have short posting lists.
     */
    List<Neighbour> nearest(List<String> stems, List<String> grams, List<String> explainedWords, int minimumSharedWords) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            if (reader.numDocs() == 0 || stems.isEmpty() && grams.isEmpty()) {
                return List.of();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String stem : stems) {
                query.add(new BoostQuery(new TermQuery(new org.apache.lucene.index.Term(ExampleIndex.STEMS, stem)),
                        settings.stemsWeight()), BooleanClause.Occur.SHOULD);
            }
            for (String gram : grams) {
                query.add(new BoostQuery(new TermQuery(new org.apache.lucene.index.Term(ExampleIndex.GRAMS, gram)),
                        settings.gramsWeight()), BooleanClause.Occur.SHOULD);
            }
            List<Neighbour> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), settings.neighbours()).scoreDocs) {
                Document stored = withoutText(searcher, hit.doc);
                Neighbour neighbour = new Neighbour(stored.get(ExampleIndex.ID), hit.score, ExampleIndex.labels(stored),
                        sharedWords(reader, hit.doc, explainedWords));
                if (neighbour.sharedWords().size() >= minimumSharedWords) {
                    found.add(neighbour);
                }
            }
            return found;
        });
    }

    /** Whether every example keeps its text and filing number (an earlier version kept neither). */
    boolean keepsTexts() {
        return withSearcher(searcher -> searcher.count(new FieldExistsQuery(ExampleIndex.SEQUENCE))
                == searcher.getIndexReader().numDocs());
    }

    /** The highest filing number learned, 0 if none. */
    long lastSequence() {
        return withSearcher(searcher -> {
            if (searcher.getIndexReader().numDocs() == 0) {
                return 0L;
            }
            TopDocs last = searcher.search(new MatchAllDocsQuery(), 1,
                    new Sort(new SortField(ExampleIndex.SEQUENCE, SortField.Type.LONG, true)));
            return ((Long) ((FieldDoc) last.scoreDocs[0]).fields[0]);
        });
    }

    /** The examples learned after filing number {@code sequence}, in filing order, with their numbers. */
    List<Numbered> after(long sequence) {
        return withSearcher(searcher -> {
            Query newer = LongPoint.newRangeQuery(ExampleIndex.SEQUENCE, sequence + 1, Long.MAX_VALUE);
            int count = searcher.count(newer);
            if (count == 0) {
                return List.of();
            }
            Sort bySequence = new Sort(new SortField(ExampleIndex.SEQUENCE, SortField.Type.LONG));
            List<Numbered> examples = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(newer, count, bySequence).scoreDocs) {
                Document stored = searcher.storedFields().document(hit.doc);
                examples.add(new Numbered((Long) ((FieldDoc) hit).fields[0], new TrainingExample(
                        stored.get(ExampleIndex.ID), stored.get(ExampleIndex.TEXT), ExampleIndex.labels(stored))));
            }
            return examples;
        });
    }

    /** An example with the number of the filing that taught it. */
    record Numbered(long sequence, TrainingExample example) {
    }

    /** Removes the example with this id, if learned. */
    public void forget(String id) {
        change(() -> writer.deleteDocuments(ExampleIndex.idTerm(id)));
    }

    /** Throws all examples away and learns these instead; readers see the old or the new set, never a mix. */
    public void rebuild(Iterable<TrainingExample> all) {
        change(() -> {
            writer.deleteAll();
            for (TrainingExample example : all) {
                writer.updateDocument(ExampleIndex.idTerm(example.id()), ExampleIndex.toDocument(example));
            }
        });
    }

    /** Whether an example with this id is learned. */
    public boolean knows(String id) {
        return withSearcher(searcher -> searcher.count(new TermQuery(ExampleIndex.idTerm(id))) > 0);
    }

    /** The number of learned examples. */
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void close() {
        try (writer; searchers; analyzer) {
            // closes the searchers, then commits and closes the writer
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the classifier index", e);
        }
    }

    private Map<String, Prediction> learned(String text, int minimumSharedWords) {
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            if (reader.numDocs() == 0) {
                return Map.of();
            }
            MoreLikeThis likeThis = new MoreLikeThis(reader);
            likeThis.setAnalyzer(analyzer);
            likeThis.setMinTermFreq(1); // documents are short: a word said once still counts
            likeThis.setMinDocFreq(1);
            likeThis.setBoost(true);
            likeThis.setStopWords(stopWords);
            likeThis.setMaxQueryTerms(settings.stemQueryTerms());
            Query stems = likeThis.like(ExampleIndex.STEMS, new StringReader(text));
            List<String> words = Arrays.asList(likeThis.retrieveInterestingTerms(new StringReader(text), ExampleIndex.STEMS));
            likeThis.setMaxQueryTerms(settings.gramQueryTerms());
            Query grams = likeThis.like(ExampleIndex.GRAMS, new StringReader(text));
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            if (settings.stemsWeight() > 0) {
                query.add(new BoostQuery(stems, settings.stemsWeight()), BooleanClause.Occur.SHOULD);
            }
            if (settings.gramsWeight() > 0) {
                query.add(new BoostQuery(grams, settings.gramsWeight()), BooleanClause.Occur.SHOULD);
            }
            List<Neighbour> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), settings.neighbours()).scoreDocs) {
                Document stored = searcher.storedFields().document(hit.doc);
                Neighbour neighbour = new Neighbour(stored.get(ExampleIndex.ID), hit.score, ExampleIndex.labels(stored),
                        sharedWords(reader, hit.doc, words.subList(0, Math.min(EXPLAINED_WORDS, words.size()))));
                if (neighbour.sharedWords().size() >= minimumSharedWords) {
                    found.add(neighbour);
                }
            }
            return vote.predict(found, words);
        });
    }

    // a neighbour's kept text is not needed to vote or explain, and is the bulk of what is stored
    private static Document withoutText(IndexSearcher searcher, int doc) throws IOException {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo fieldInfo) {
                return ExampleIndex.TEXT.equals(fieldInfo.name) ? Status.NO : Status.YES;
            }
        };
        searcher.storedFields().document(doc, visitor);
        return visitor.getDocument();
    }

    private static Set<String> sharedWords(IndexReader reader, int doc, List<String> words) throws IOException {
        Set<String> shared = new HashSet<>();
        Terms terms = reader.termVectors().get(doc, ExampleIndex.STEMS);
        if (terms == null) {
            return shared;
        }
        TermsEnum iterator = terms.iterator();
        for (String word : words) {
            if (iterator.seekExact(new BytesRef(word))) {
                shared.add(word);
            }
        }
        return shared;
    }

    // synchronized: a refresh by one change must not publish half of another (a rebuild)
    private synchronized void change(IndexChange change) {
        try {
            change.apply();
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the classifier index", e);
        }
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classifier index", e);
        }
    }

    @FunctionalInterface
    private interface IndexChange {
        void apply() throws IOException;
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
