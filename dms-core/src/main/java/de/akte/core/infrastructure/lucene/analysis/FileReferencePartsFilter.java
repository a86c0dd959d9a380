package de.akte.core.infrastructure.lucene.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;

/**
 * Index side: adds the segments of a file reference and their runs ({@code 32-41/2025} →
 * {@code 32}, {@code 41}, {@code 2025}, {@code 32-41}, {@code 41/2025}) at the reference's position,
 * so a partial reference or one of its numbers finds the document too.
 */
public final class FileReferencePartsFilter extends DecompositionFilter {

    public FileReferencePartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected List<String> partsOfCurrentToken() {
        if (!FileReferenceFilter.TYPE.equals(typeAtt.type())) {
            return List.of();
        }
        String reference = termAtt.toString();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= reference.length(); i++) {
            if (i == reference.length() || reference.charAt(i) == '-' || reference.charAt(i) == '/') {
                if (i > start) {
                    starts.add(start);
                    ends.add(i);
                }
                start = i + 1;
            }
        }
        return runs(reference, toArray(starts), toArray(ends), 1);
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
