package de.akte.core.infrastructure.lucene;

import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.lucene.analysis.GermanDocumentAnalyzer;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.SearchHit;
import de.akte.core.search.SearchQuery;
import de.akte.core.search.SearchResult;
import de.akte.core.search.TextIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The full-text index on Lucene: German analysis ({@link GermanDocumentAnalyzer}), department-filtered
 * hits and facet counts, snippets and matched pages. One writer; searches run concurrently with
 * indexing on a searcher that is refreshed when changes are committed.
 */
public final class LuceneTextIndex implements TextIndex {

    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.TITLE, IndexFields.CASE_FILE,
            IndexFields.DEPARTMENT, IndexFields.DOCUMENT_TYPE, IndexFields.PAGE_STARTS, IndexFields.DATE);
    private static final Sort NEWEST_FIRST = newestFirst();
    // exact totals: never stop counting early
    private static final int COUNT_ALL = Integer.MAX_VALUE;

    private final Directory directory;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final FreeTextQueryParser parser;
    private final DocumentMapper mapper = new DocumentMapper();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** An index in {@code directory}, which it takes over and closes; creates the index if there is none. */
    public LuceneTextIndex(Directory directory, GermanCompoundSplitter splitter) {
        this.directory = directory;
        this.indexAnalyzer = GermanDocumentAnalyzer.forIndexing(splitter);
        this.queryAnalyzer = GermanDocumentAnalyzer.forQueries();
        this.parser = new FreeTextQueryParser(queryAnalyzer);
        try {
            IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            // refreshed only on commit, so searches see committed state, as the port promises
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /** An index in the directory {@code path} on disk. */
    public static LuceneTextIndex open(Path path, GermanCompoundSplitter splitter) {
        try {
            return new LuceneTextIndex(FSDirectory.open(path), splitter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path, e);
        }
    }

    /** An index held in memory, for tests and trials. */
    public static LuceneTextIndex inMemory(GermanCompoundSplitter splitter) {
        return new LuceneTextIndex(new ByteBuffersDirectory(), splitter);
    }

    @Override
    public void index(IndexedDocument document) {
        try {
            writer.updateDocument(DocumentMapper.idTerm(document.documentId()), mapper.toLucene(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index document " + document.documentId(), e);
        }
    }

    @Override
    public void delete(long documentId) {
        try {
            writer.deleteDocuments(DocumentMapper.idTerm(documentId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete document " + documentId + " from the index", e);
        }
    }

    @Override
    public void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the index", e);
        }
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }

    private static java.time.LocalDate date(Document doc) {
        var field = doc.getField(IndexFields.DATE);
        return field == null || field.numericValue() == null ? null
                : java.time.LocalDate.ofEpochDay(field.numericValue().longValue());
    }

    @Override
    public List<Integer> matchingWords(String query, List<String> words) {
        if (query == null || query.isBlank() || words.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new java.util.HashSet<>();
        for (String term : query.strip().split("\\s+")) {
            // the parser's operators and negations name no word to highlight
            if (term.startsWith("-") || term.startsWith("!") || term.equals("AND") || term.equals("OR")
                    || term.equals("NOT")) {
                continue;
            }
            wanted.addAll(tokens(queryAnalyzer, term.replace("*", "").replace("\"", "")));
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // the index side adds compound parts: Bauantrag is found by Antrag, so its box lights up too
            if (word != null && tokens(indexAnalyzer, word).stream().anyMatch(wanted::contains)) {
                matching.add(i);
            }
        }
        return matching;
    }

    private static Set<String> tokens(Analyzer analyzer, String text) {
        Set<String> tokens = new java.util.HashSet<>();
        try (org.apache.lucene.analysis.TokenStream stream = analyzer.tokenStream(IndexFields.TEXT, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse " + text, e);
        }
        return tokens;
    }

    @Override
    public long count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        if (query.visibleDepartments() != null && query.visibleDepartments().isEmpty()) {
            return new SearchResult(0, List.of(), new FacetCounts().toMap());
        }
        Optional<Query> text = parser.parse(query.text());
        Query filtered = withFilters(text.orElseGet(MatchAllDocsQuery::new), query);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query, text, filtered);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the index", e);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery query, Optional<Query> text, Query filtered)
            throws IOException {
        long wanted = (long) (query.page() + 1) * query.size();
        int window = (int) Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
        CollectorManager<?, ? extends TopDocs> top = text.isPresent()
                ? new TopScoreDocCollectorManager(window, COUNT_ALL)
                : new TopFieldCollectorManager(NEWEST_FIRST, window, COUNT_ALL);
        Object[] results = searcher.search(filtered, new MultiCollectorManager(top, new FacetCollectorManager()));
        TopDocs topDocs = (TopDocs) results[0];
        FacetCounts facets = (FacetCounts) results[1];

        int from = (int) Math.min((long) query.page() * query.size(), topDocs.scoreDocs.length);
        ScoreDoc[] onPage = Arrays.copyOfRange(topDocs.scoreDocs, from, topDocs.scoreDocs.length);
        return new SearchResult(topDocs.totalHits.value, hits(searcher, text, onPage), facets.toMap());
    }

    private List<SearchHit> hits(IndexSearcher searcher, Optional<Query> text, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        int[] docIds = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        Query highlighted = text.orElseGet(MatchAllDocsQuery::new);
        List<List<String>> snippets = new SnippetHighlighter(searcher, indexAnalyzer).snippets(highlighted, docIds);
        Optional<MatchedPages> matchedPages = text.isPresent()
                ? Optional.of(new MatchedPages(searcher, text.get()))
                : Optional.empty();
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document doc = stored.document(docs[i].doc, HIT_FIELDS);
            PageOffsets pageOffsets = PageOffsets.decode(doc.get(IndexFields.PAGE_STARTS));
            List<Integer> pages = matchedPages.isPresent() ? matchedPages.get().of(docs[i].doc, pageOffsets) : List.of();
            float score = Float.isNaN(docs[i].score) ? 0f : docs[i].score;
            hits.add(new SearchHit(Long.parseLong(doc.get(IndexFields.ID)), doc.get(IndexFields.TITLE),
                    doc.get(IndexFields.CASE_FILE), doc.get(IndexFields.DEPARTMENT), doc.get(IndexFields.DOCUMENT_TYPE),
                    score, snippets.get(i), pages, date(doc)));
        }
        return hits;
    }

    private static Query withFilters(Query main, SearchQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(main, Occur.MUST);
        if (query.visibleDepartments() != null) {
            List<BytesRef> visible = query.visibleDepartments().stream().map(BytesRef::new).toList();
            builder.add(new TermInSetQuery(IndexFields.DEPARTMENT, visible), Occur.FILTER);
        }
        if (query.department() != null) {
            builder.add(new TermQuery(new Term(IndexFields.DEPARTMENT, query.department())), Occur.FILTER);
        }
        if (query.documentType() != null) {
            builder.add(new TermQuery(new Term(IndexFields.DOCUMENT_TYPE, query.documentType())), Occur.FILTER);
        }
        if (query.caseFile() != null) {
            builder.add(new TermQuery(new Term(IndexFields.CASE_FILE, query.caseFile())), Occur.FILTER);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochDay();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochDay();
            builder.add(LongPoint.newRangeQuery(IndexFields.DATE, from, to), Occur.FILTER);
        }
        return builder.build();
    }

    private static Sort newestFirst() {
        SortField date = new SortField(IndexFields.DATE, SortField.Type.LONG, true);
        // undated documents last
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, new SortField(IndexFields.ID, SortField.Type.LONG, true));
    }

    @Override
    public void close() {
        try {
            try {
                searchers.close();
                writer.close();
            } finally {
                directory.close();
                indexAnalyzer.close();
                queryAnalyzer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }
}
