package de.akte.core.classification;

/** How a rule's pattern is matched against a document's text (always ignoring case). */
public enum RuleKind {
    /** Any of the words, separated by {@code |} or commas, as whole words. */
    KEYWORD,
    /** The exact phrase. */
    PHRASE,
    /** A Java regular expression. */
    REGEX
}
