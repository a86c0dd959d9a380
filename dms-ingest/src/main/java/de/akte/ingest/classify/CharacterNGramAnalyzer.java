package de.akte.ingest.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Character 3- to 5-grams of the lower-cased, umlaut-folded words. OCR noise ({@code rn} for
 * {@code m}, {@code 1} for {@code l}, a word broken in two) spoils a whole stemmed word but only the
 * few n-grams around the error, so the rest of the word still matches.
 */
final class CharacterNGramAnalyzer extends Analyzer {

    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream chain = new LowerCaseFilter(source);
        chain = new GermanNormalizationFilter(chain);
        // short words are kept whole: "amt", "63" carry meaning that no 3-gram of theirs would add
        chain = new NGramTokenFilter(chain, MIN_GRAM, MAX_GRAM, true);
        return new TokenStreamComponents(source, chain);
    }
}
