package de.akte.core.infrastructure.lucene.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Base of the index-side filters that add the parts of a token right after it, at the same position
 * and with the token's offsets: a query for a part then matches (and highlights) the whole word,
 * and phrases across the word keep working.
 */
abstract class DecompositionFilter extends TokenFilter {

    /** Token type of an added part. */
    static final String PART_TYPE = "<PART>";

    // Beyond this many pieces only single pieces are added: the runs grow quadratically.
    private static final int MAX_PIECES_FOR_RUNS = 6;

    protected final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    protected final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    protected final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private final Deque<String> pending = new ArrayDeque<>();
    private State token;

    protected DecompositionFilter(TokenStream input) {
        super(input);
    }

    /** The parts to add after the current token (duplicates and the token itself are skipped). */
    protected abstract List<String> partsOfCurrentToken();

    @Override
    public final boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(token);
            termAtt.setEmpty().append(pending.removeFirst());
            posIncAtt.setPositionIncrement(0);
            keywordAtt.setKeyword(false);
            typeAtt.setType(PART_TYPE);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String whole = termAtt.toString();
        for (String part : partsOfCurrentToken()) {
            if (!part.equals(whole) && !pending.contains(part)) {
                pending.add(part);
            }
        }
        if (!pending.isEmpty()) {
            token = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        token = null;
    }

    /**
     * Every run of consecutive pieces of {@code word} except the whole word: for pieces
     * bau|genehmigungs|antrag that is bau, genehmigungs, antrag, baugenehmigungs, genehmigungsantrag.
     * A run spans from its first piece's start to its last piece's end, so separators between pieces
     * are kept. Single pieces shorter than {@code minPieceLength} are left out.
     *
     * @param starts start index of each piece in {@code word}
     * @param ends   end index (exclusive) of each piece
     */
    static List<String> runs(String word, int[] starts, int[] ends, int minPieceLength) {
        int n = starts.length;
        List<String> runs = new ArrayList<>();
        for (int first = 0; first < n; first++) {
            int lastAllowed = n <= MAX_PIECES_FOR_RUNS ? n - 1 : first;
            for (int last = first; last <= lastAllowed; last++) {
                boolean whole = first == 0 && last == n - 1;
                boolean tooShort = first == last && ends[first] - starts[first] < minPieceLength;
                if (!whole && !tooShort) {
                    runs.add(word.substring(starts[first], ends[last]));
                }
            }
        }
        return runs;
    }
}
