package de.akte.core.infrastructure.lucene;

import de.akte.core.search.PageOffsets;
import java.io.IOException;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Finds the pages on which a query matched, from the offsets of every match in the text (Lucene's
 * matches API, so all matches count, not only those that made it into a snippet).
 */
final class MatchedPages {

    private final IndexSearcher searcher;
    private final Weight weight;

    MatchedPages(IndexSearcher searcher, Query query) throws IOException {
        this.searcher = searcher;
        this.weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    /** The 1-based page numbers, ascending, of the matches in document {@code docId}. */
    List<Integer> of(int docId, PageOffsets pages) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        Matches matches = weight.matches(leaf, docId - leaf.docBase);
        if (matches == null) {
            return List.of();
        }
        MatchesIterator inText = matches.getMatches(IndexFields.TEXT);
        if (inText == null) {
            return List.of();
        }
        SortedSet<Integer> numbers = new TreeSet<>();
        while (inText.next()) {
            int offset = inText.startOffset();
            if (offset >= 0) {
                numbers.add(pages.pageOf(offset));
            }
        }
        numbers.remove(0);
        return List.copyOf(numbers);
    }
}
