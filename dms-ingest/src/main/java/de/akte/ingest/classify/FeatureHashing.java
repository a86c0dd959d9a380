package de.akte.ingest.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns an {@link AnalysedText} into a {@link SparseVector}: each stem, stem bigram and character n-gram hashed into
 * one of {@code 2^bits} buckets (a fixed-size model, whatever the vocabulary grows to), weighted by sublinear term
 * frequency times inverse document frequency, each kind normalised to unit length and then weighted, so a long
 * text and a short one weigh alike.
 */
final class FeatureHashing {

    static final int STEM_SALT = 0x5bd1e995;
    private static final int BIGRAM_SALT = 0x27d4eb2f;
    private static final int GRAM_SALT = 0x165667b1;

    private final ModelSettings settings;
    private final int mask;

    FeatureHashing(ModelSettings settings) {
        this.settings = settings;
        this.mask = (1 << settings.bits()) - 1;
    }

    int buckets() {
        return mask + 1;
    }

    /** The distinct buckets of the text's features, for its document frequencies. */
    int[] buckets(AnalysedText text) {
        Map<Integer, Float> all = new HashMap<>();
        text.stems().keySet().forEach(term -> all.put(bucket(term, STEM_SALT), 1f));
        if (settings.bigramWeight() > 0) {
            text.bigrams().keySet().forEach(term -> all.put(bucket(term, BIGRAM_SALT), 1f));
        }
        if (settings.gramWeight() > 0) {
            text.grams().keySet().forEach(term -> all.put(bucket(term, GRAM_SALT), 1f));
        }
        return all.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    SparseVector vector(AnalysedText text, DocumentFrequencies frequencies) {
        Map<Integer, Float> features = new HashMap<>(text.stems().size() * 2 + text.grams().size() * 2);
        add(features, text.stems(), STEM_SALT, settings.stemWeight(), frequencies);
        add(features, text.bigrams(), BIGRAM_SALT, settings.bigramWeight(), frequencies);
        add(features, text.grams(), GRAM_SALT, settings.gramWeight(), frequencies);
        int[] indexes = new int[features.size()];
        float[] values = new float[features.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> feature : features.entrySet()) {
            indexes[i] = feature.getKey();
            values[i++] = feature.getValue();
        }
        return new SparseVector(indexes, values);
    }

    /** The tf-idf weight of one stem in the text, to pick its most telling words. */
    float stemWeight(String stem, int count, DocumentFrequencies frequencies) {
        return (float) (1 + Math.log(count)) * frequencies.idf(bucket(stem, STEM_SALT));
    }

    /** The tf-idf weight of one character n-gram in the text. */
    float gramWeight(String gram, int count, DocumentFrequencies frequencies) {
        return (float) (1 + Math.log(count)) * frequencies.idf(bucket(gram, GRAM_SALT));
    }

    private void add(Map<Integer, Float> features, Map<String, Integer> terms, int salt, float weight,
                     DocumentFrequencies frequencies) {
        if (weight <= 0 || terms.isEmpty()) {
            return;
        }
        int[] buckets = new int[terms.size()];
        float[] values = new float[terms.size()];
        double norm = 0;
        int i = 0;
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            buckets[i] = bucket(term.getKey(), salt);
            float value = (float) (1 + Math.log(term.getValue()));
            if (settings.idf()) {
                value *= frequencies.idf(buckets[i]);
            }
            values[i] = value;
            norm += value * value;
            i++;
        }
        float scale = (float) (weight / Math.sqrt(norm));
        for (int j = 0; j < buckets.length; j++) {
            features.merge(buckets[j], values[j] * scale, Float::sum);
        }
    }

    int bucket(String term, int salt) {
        // String.hashCode is fixed by the language, so buckets stay the same across versions and machines
        int h = term.hashCode() * 0xcc9e2d51 ^ salt;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & mask;
    }
}
