package de.akte.core.search;

import java.util.List;

/**
 * The search's German analysis as plain terms, so that every search backend reads text and queries the same way
 * (file references kept whole, umlauts and ß folded, light stems, compound parts on the index side).
 */
public interface TextAnalysis {

    /** The terms of a text as the index stores them, with the parts of compounds and file references added. */
    List<AnalyzedToken> forIndex(String text);

    /** The terms of what a user typed: no parts added, an {@code AZ} before a file reference dropped. */
    List<AnalyzedToken> forQuery(String text);
}
