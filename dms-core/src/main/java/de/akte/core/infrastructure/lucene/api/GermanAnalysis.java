package de.akte.core.infrastructure.lucene.api;

import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.lucene.analysis.GermanDocumentAnalyzer;
import org.apache.lucene.analysis.Analyzer;

import java.util.Objects;

/**
 * The search index's German analysis, published for Akte's other Lucene users (the document classifier in
 * dms-ingest), so that they read text as the search does without reaching into the Lucene adapter's internals.
 * One instance holds the compound dictionary, which takes about half a second to load: build it once and share it.
 */
public final class GermanAnalysis {

    private final GermanCompoundSplitter splitter;

    private GermanAnalysis(GermanCompoundSplitter splitter) {
        this.splitter = splitter;
    }

    /** The analysis over the bundled German compound dictionary. */
    public static GermanAnalysis withBundledDictionary() {
        return new GermanAnalysis(GermanCompoundSplitter.withBundledDictionary());
    }

    /** The analysis over a dictionary already loaded, e.g. the search index's own: the server loads it once. */
    public static GermanAnalysis over(GermanCompoundSplitter splitter) {
        return new GermanAnalysis(Objects.requireNonNull(splitter, "splitter"));
    }

    /**
     * A new analyzer for indexing text as the search index does: file references kept whole, umlauts folded,
     * light stems, and the parts of compounds and file references added. Its user closes it.
     */
    public Analyzer forIndexing() {
        return GermanDocumentAnalyzer.forIndexing(splitter);
    }
}
