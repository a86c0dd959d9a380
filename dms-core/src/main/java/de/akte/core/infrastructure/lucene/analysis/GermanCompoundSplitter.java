package de.akte.core.infrastructure.lucene.analysis;

import de.danielnaber.jwordsplitter.AbstractWordSplitter;
import de.danielnaber.jwordsplitter.EmbeddedGermanDictionary;
import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;

/**
 * Splits German compounds into their words ({@code baugenehmigungsantrag} → bau, genehmigungs, antrag)
 * with jwordsplitter and its bundled dictionary. Words are expected lower-cased and folded by
 * {@link GermanNormalizationFilter}; the dictionary is folded the same way, so {@code strassenverkehr}
 * and {@code muellabfuhr} split as well as their spellings with ß and umlauts. Thread-safe; building
 * one takes about half a second, so share it.
 */
public final class GermanCompoundSplitter {

    private static final String EXCEPTIONS = "/de/danielnaber/jwordsplitter/exceptionsGerman.txt";
    // Two parts need at least 2 × 3 letters; beyond 60 it is OCR noise, and the splitter slows down.
    private static final int MIN_WORD_LENGTH = 6;
    private static final int MAX_WORD_LENGTH = 60;
    // Bounds memory; words follow Zipf's law, so even a cache that is sometimes emptied mostly hits.
    private static final int CACHE_LIMIT = 200_000;

    private final AbstractWordSplitter splitter;
    private final ConcurrentMap<String, List<String>> cache = new ConcurrentHashMap<>();

    private GermanCompoundSplitter(AbstractWordSplitter splitter) {
        this.splitter = splitter;
    }

    /** A splitter over jwordsplitter's bundled German dictionary and exception list. */
    public static GermanCompoundSplitter withBundledDictionary() {
        try (Analyzer folding = new FoldingAnalyzer()) {
            Set<String> words = new HashSet<>();
            for (String word : EmbeddedGermanDictionary.getWords()) {
                words.add(fold(folding, word));
            }
            GermanWordSplitter splitter = new GermanWordSplitter(false, words);
            splitter.setStrictMode(true);
            addFoldedExceptions(splitter, folding);
            return new GermanCompoundSplitter(splitter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the German compound dictionary", e);
        }
    }

    /**
     * The parts of a compound, in order, concatenating to the word; an empty list if the word is no
     * compound (or not split by the dictionary).
     */
    public List<String> split(String word) {
        if (word.length() < MIN_WORD_LENGTH || word.length() > MAX_WORD_LENGTH || !isLetters(word)) {
            return List.of();
        }
        List<String> parts = cache.get(word);
        if (parts == null) {
            parts = computeSplit(word);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(word, parts);
        }
        return parts;
    }

    private List<String> computeSplit(String word) {
        List<String> parts;
        try {
            parts = splitter.splitWord(word);
        } catch (IllegalArgumentException tooLong) {
            return List.of();
        }
        if (parts.size() < 2 || !String.join("", parts).equals(word)) {
            // an exception entry may re-spell a word; only exact slices keep offsets and runs honest
            return List.of();
        }
        return List.copyOf(parts);
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void addFoldedExceptions(AbstractWordSplitter splitter, Analyzer folding) throws IOException {
        try (InputStream in = GermanWordSplitter.class.getResourceAsStream(EXCEPTIONS)) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean withSuffixes = line.endsWith("/NS");
                String entry = withSuffixes ? line.substring(0, line.length() - 3) : line;
                addFoldedException(splitter, folding, entry, "");
                if (withSuffixes) {
                    addFoldedException(splitter, folding, entry, "n");
                    addFoldedException(splitter, folding, entry, "s");
                }
            }
        }
    }

    private static void addFoldedException(AbstractWordSplitter splitter, Analyzer folding, String entry, String suffix) {
        String[] pieces = (entry + suffix).split("\\|");
        List<String> parts = new ArrayList<>();
        for (String piece : pieces) {
            parts.add(fold(folding, piece));
        }
        String word = fold(folding, String.join("", pieces));
        // folding "ue"/"ae" across a piece boundary would make the parts disagree with the word
        if (String.join("", parts).equals(word)) {
            splitter.addException(word, parts);
        }
    }

    private static String fold(Analyzer folding, String word) {
        return folding.normalize("word", word).utf8ToString();
    }

    /** Lower-cases and folds like the document analyzer, so dictionary and tokens agree. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, normalize(fieldName, source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new GermanNormalizationFilter(new LowerCaseFilter(in));
        }
    }
}
