package de.akte.ingest.classify;

import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Reads a text into an {@link AnalysedText} with the search index's German analysis (stems, umlauts folded,
 * compound parts) and {@link CharacterNGramAnalyzer}. Function words are left out of stems and bigrams. Thread-safe.
 */
final class TextAnalysis implements AutoCloseable {

    // beyond this a letter is not more telling, and a pasted manual must not cost the time of a book
    static final int MAX_CHARACTERS = 20_000;

    private final GermanAnalysis german;
    private final Analyzer stems;
    private final Analyzer grams = new CharacterNGramAnalyzer();
    private final Set<String> stopWords;

    TextAnalysis(GermanAnalysis analysis) {
        this.german = analysis;
        this.stems = analysis.forIndexing();
        this.stopWords = ExampleIndex.stopWords(stems);
    }

    GermanAnalysis german() {
        return german;
    }

    AnalysedText analyse(String text) {
        String bounded = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
        Map<String, Integer> stemCounts = new HashMap<>();
        Map<String, Integer> bigramCounts = new HashMap<>();
        Map<String, Integer> gramCounts = new HashMap<>();
        try (TokenStream tokens = stems.tokenStream(ExampleIndex.STEMS, bounded)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            String previous = null;
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (stopWords.contains(word)) {
                    continue;
                }
                stemCounts.merge(word, 1, Integer::sum);
                // compound parts stand at their compound's position: they are words, but no neighbours
                if (increment.getPositionIncrement() > 0) {
                    if (previous != null) {
                        bigramCounts.merge(previous + ' ' + word, 1, Integer::sum);
                    }
                    previous = word;
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (TokenStream tokens = grams.tokenStream(ExampleIndex.GRAMS, bounded)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                gramCounts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AnalysedText(stemCounts, bigramCounts, gramCounts);
    }

    @Override
    public void close() {
        stems.close();
        grams.close();
    }
}
