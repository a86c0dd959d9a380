package de.akte.core.classification;

import java.util.List;

/** Predicts how a document should be filed, and learns from every filing at once. */
public interface Classifier {

    /** Rules first (the highest priority that matches wins), then what was learned; nothing learned, no guess. */
    Classification classify(String text, List<ClassificationRule> rules);

    /** Learns (or re-learns) how one document was filed; the next prediction already knows it. */
    void learn(FilingExample example);

    /** Forgets a document, e.g. one that was destroyed. */
    void forget(long documentId);

    /** Throws everything learned away and learns again from the given filed documents. */
    void rebuild(Iterable<FilingExample> examples);

    /** How many filed documents it knows. */
    long size();
}
