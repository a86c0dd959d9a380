package de.akte.core.search;

/**
 * One term the search's analysis made of a text.
 *
 * @param term     the term as indexed (lower-cased, folded, stemmed)
 * @param position its position; the parts of a compound share the position of their word
 * @param start    offset of the first character of the word it came from
 * @param end      offset after the last character of that word
 */
public record AnalyzedToken(String term, int position, int start, int end) {
}
