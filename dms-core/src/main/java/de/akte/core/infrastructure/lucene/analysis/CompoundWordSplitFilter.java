package de.akte.core.infrastructure.lucene.analysis;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * Index side: adds the words of a German compound and their runs at the compound's position
 * ({@code baugenehmigungsantrag} → bau, genehmigungs, antrag, baugenehmigungs, genehmigungsantrag),
 * so {@code Baugenehmigung} and {@code Antrag} find {@code Baugenehmigungsantrag}. Keyword tokens are
 * left alone. Expects lower-cased, folded tokens (see {@link GermanCompoundSplitter}).
 */
public final class CompoundWordSplitFilter extends DecompositionFilter {

    // Pieces of one or two letters (interfixes, clipped prefixes) would match nearly every document.
    static final int MIN_PART_LENGTH = 3;

    private final GermanCompoundSplitter splitter;

    public CompoundWordSplitFilter(TokenStream input, GermanCompoundSplitter splitter) {
        super(input);
        this.splitter = splitter;
    }

    @Override
    protected List<String> partsOfCurrentToken() {
        if (keywordAtt.isKeyword()) {
            return List.of();
        }
        String word = termAtt.toString();
        List<String> parts = splitter.split(word);
        if (parts.isEmpty()) {
            return List.of();
        }
        int[] starts = new int[parts.size()];
        int[] ends = new int[parts.size()];
        int position = 0;
        for (int i = 0; i < parts.size(); i++) {
            starts[i] = position;
            position += parts.get(i).length();
            ends[i] = position;
        }
        return runs(word, starts, ends, MIN_PART_LENGTH);
    }
}
