package de.akte.core.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total, and facet counts (facet name → value → count) over all matching
 * visible documents. Facet names: {@code department}, {@code documentType}, {@code year}.
 */
public record SearchResult(long total, List<SearchHit> items, Map<String, Map<String, Long>> facets) {
    public SearchResult {
        items = List.copyOf(items);
        facets = Map.copyOf(facets);
    }
}
