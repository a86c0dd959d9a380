package de.akte.core.infrastructure.lucene.analysis;

/** One compound splitter for all tests: building it loads and folds a 56,000-word dictionary. */
public final class SharedSplitter {

    /** The splitter over the bundled dictionary. */
    public static final GermanCompoundSplitter INSTANCE = GermanCompoundSplitter.withBundledDictionary();

    private SharedSplitter() {
    }
}
