package de.akte.core.infrastructure.lucene.analysis;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Query side: drops the word that introduces a file reference ({@code AZ 32-41/2025},
 * {@code Aktenzeichen 32-41/2025}), so such a query finds documents that cite the reference
 * without the prefix. Expects lower-cased tokens typed by {@link FileReferenceFilter}.
 */
public final class FileReferencePrefixFilter extends TokenFilter {

    private static final Set<String> PREFIXES = Set.of(
            "az", "gz", "aktenzeichen", "geschäftszeichen", "geschaeftszeichen", "geschaftszeichen");

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private State lookahead;
    private boolean exhausted;

    public FileReferencePrefixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (lookahead != null) {
            restoreState(lookahead);
            lookahead = null;
            return true;
        }
        if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        if (!PREFIXES.contains(termAtt.toString())) {
            return true;
        }
        State prefix = captureState();
        int prefixIncrement = posIncAtt.getPositionIncrement();
        if (!input.incrementToken()) {
            exhausted = true;
            restoreState(prefix);
            return true;
        }
        if (FileReferenceFilter.TYPE.equals(typeAtt.type())) {
            posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + prefixIncrement);
            return true;
        }
        lookahead = captureState();
        restoreState(prefix);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lookahead = null;
        exhausted = false;
    }
}
