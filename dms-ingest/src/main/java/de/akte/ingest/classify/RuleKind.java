package de.akte.ingest.classify;

/** How a {@link Rule}'s pattern is matched against a document's text. */
public enum RuleKind {
    /** Any of the {@code |}-separated words occurs as a whole word; case, umlauts and ß folded. */
    KEYWORD,
    /** Any of the {@code |}-separated phrases occurs, its words in order with any whitespace between. */
    PHRASE,
    /** A Java regular expression found anywhere in the text, case-insensitive. */
    REGEX
}
