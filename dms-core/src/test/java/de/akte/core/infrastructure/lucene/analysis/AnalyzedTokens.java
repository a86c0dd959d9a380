package de.akte.core.infrastructure.lucene.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** The tokens an analyzer makes of a text, for exact comparisons in tests. */
final class AnalyzedTokens {

    /** A token: term, position increment and offsets. */
    record Token(String term, int increment, int start, int end) {
        @Override
        public String toString() {
            return term + "/" + increment + "[" + start + "," + end + "]";
        }
    }

    private AnalyzedTokens() {
    }

    static List<Token> of(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static List<String> terms(Analyzer analyzer, String text) {
        return of(analyzer, text).stream().map(Token::term).toList();
    }

    /** Tokens in the compact form of {@link Token#toString()}, e.g. {@code bau/0[0,21]}. */
    static List<String> compact(Analyzer analyzer, String text) {
        return of(analyzer, text).stream().map(Token::toString).toList();
    }
}
