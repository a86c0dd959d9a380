package de.akte.core.infrastructure.lucene;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facet counts being gathered: facet name → value → count. Not thread-safe; one per collector. */
final class FacetCounts {

    static final String DEPARTMENT = "department";
    static final String DOCUMENT_TYPE = "documentType";
    static final String YEAR = "year";

    private final Map<String, Map<String, Long>> counts = new HashMap<>();

    FacetCounts() {
        counts.put(DEPARTMENT, new HashMap<>());
        counts.put(DOCUMENT_TYPE, new HashMap<>());
        counts.put(YEAR, new HashMap<>());
    }

    void add(String facet, String value, long count) {
        if (count > 0) {
            counts.get(facet).merge(value, count, Long::sum);
        }
    }

    void addAll(FacetCounts other) {
        other.counts.forEach((facet, values) -> values.forEach((value, count) -> add(facet, value, count)));
    }

    /** Every facet with its values, most frequent first (ties by value), unmodifiable. */
    Map<String, Map<String, Long>> toMap() {
        Map<String, Map<String, Long>> result = new HashMap<>();
        counts.forEach((facet, values) -> {
            Map<String, Long> sorted = new LinkedHashMap<>();
            values.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            result.put(facet, Collections.unmodifiableMap(sorted));
        });
        return result;
    }
}
