package de.akte.core.infrastructure.lucene.analysis;

import de.akte.core.search.AnalyzedToken;
import de.akte.core.search.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The search's German analysis ({@link GermanDocumentAnalyzer}) as plain terms, for the search backends that do not
 * run Lucene analyzers in this process (OpenSearch): they index and query exactly what the local index would.
 * Thread-safe; share one.
 */
public final class GermanTextAnalysis implements TextAnalysis, AutoCloseable {

    // any field name: the analyzers treat all fields alike
    private static final String FIELD = "text";

    private final Analyzer index;
    private final Analyzer query;

    public GermanTextAnalysis(GermanCompoundSplitter splitter) {
        this(GermanDocumentAnalyzer.forIndexing(splitter), GermanDocumentAnalyzer.forQueries());
    }

    /** Over analyzers someone else owns and closes (the local index's own). */
    public GermanTextAnalysis(Analyzer index, Analyzer query) {
        this.index = index;
        this.query = query;
    }

    @Override
    public List<AnalyzedToken> forIndex(String text) {
        return tokens(index, text);
    }

    @Override
    public List<AnalyzedToken> forQuery(String text) {
        return tokens(query, text);
    }

    private static List<AnalyzedToken> tokens(Analyzer analyzer, String text) {
        List<AnalyzedToken> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new AnalyzedToken(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // analysis of an in-memory string does no I/O
            throw new UncheckedIOException("cannot analyse " + text, e);
        }
        return tokens;
    }

    @Override
    public void close() {
        index.close();
        query.close();
    }
}
