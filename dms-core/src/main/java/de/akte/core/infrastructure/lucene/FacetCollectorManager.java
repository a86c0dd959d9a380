package de.akte.core.infrastructure.lucene;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts department, document type and year over every document a query matches, from doc values.
 * The counts therefore obey every filter of the query, the visibility filter included.
 */
final class FacetCollectorManager implements CollectorManager<FacetCollectorManager.FacetCollector, FacetCounts> {

    @Override
    public FacetCollector newCollector() {
        return new FacetCollector();
    }

    @Override
    public FacetCounts reduce(Collection<FacetCollector> collectors) throws IOException {
        FacetCounts total = new FacetCounts();
        for (FacetCollector collector : collectors) {
            total.addAll(collector.counts());
        }
        return total;
    }

    /** Counts ordinals per segment while collecting and resolves them to values once at the end. */
    static final class FacetCollector extends SimpleCollector {

        private final List<OrdinalCounts> segments = new ArrayList<>();
        private final Map<Integer, Long> years = new HashMap<>();
        private OrdinalCounts departments;
        private OrdinalCounts documentTypes;
        private NumericDocValues dates;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            departments = new OrdinalCounts(FacetCounts.DEPARTMENT, DocValues.getSorted(context.reader(), IndexFields.DEPARTMENT));
            documentTypes = new OrdinalCounts(FacetCounts.DOCUMENT_TYPE, DocValues.getSorted(context.reader(), IndexFields.DOCUMENT_TYPE));
            dates = DocValues.getNumeric(context.reader(), IndexFields.DATE);
            segments.add(departments);
            segments.add(documentTypes);
        }

        @Override
        public void collect(int doc) throws IOException {
            departments.collect(doc);
            documentTypes.collect(doc);
            if (dates.advanceExact(doc)) {
                years.merge(LocalDate.ofEpochDay(dates.longValue()).getYear(), 1L, Long::sum);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        FacetCounts counts() throws IOException {
            FacetCounts counts = new FacetCounts();
            for (OrdinalCounts segment : segments) {
                segment.addTo(counts);
            }
            years.forEach((year, count) -> counts.add(FacetCounts.YEAR, Integer.toString(year), count));
            return counts;
        }
    }

    /** Counts per ordinal of one sorted doc values field in one segment. */
    private static final class OrdinalCounts {
        private final String facet;
        private final SortedDocValues values;
        private final long[] counts;

        OrdinalCounts(String facet, SortedDocValues values) {
            this.facet = facet;
            this.values = values;
            this.counts = new long[values.getValueCount()];
        }

        void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                counts[values.ordValue()]++;
            }
        }

        void addTo(FacetCounts target) throws IOException {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    target.add(facet, values.lookupOrd(ord).utf8ToString(), counts[ord]);
                }
            }
        }
    }
}
