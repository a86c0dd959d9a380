package de.akte.ingest.classify;

import java.util.Map;

/**
 * A text read once for every use the classifier makes of it: German stems (with compound parts), stem bigrams and
 * character n-grams, each with how often it occurs.
 */
record AnalysedText(Map<String, Integer> stems, Map<String, Integer> bigrams, Map<String, Integer> grams) {
}
