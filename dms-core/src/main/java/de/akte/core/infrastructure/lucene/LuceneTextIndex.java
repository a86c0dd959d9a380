package de.akte.core.infrastructure.lucene;

import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.lucene.analysis.GermanDocumentAnalyzer;
import de.akte.core.infrastructure.lucene.analysis.GermanTextAnalysis;
import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthStatus;
import de.akte.core.search.IndexWriterReopenedException;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.MatchingWords;
import de.akte.core.search.PageOffsets;
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
import java.util.logging.Level;
import java.util.logging.Logger;
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
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The full-text index on Lucene: German analysis ({@link GermanDocumentAnalyzer}), department-filtered
 * hits and facet counts, snippets and matched pages. One writer; searches run concurrently with
 * indexing on a searcher that is refreshed when changes are committed.
 *
 * <p>A tragic error (an {@code OutOfMemoryError} or an I/O failure in the middle of a flush or merge) makes
 * Lucene close its writer for good. The index then reopens a writer from the last commit, so that the changes
 * lost with the old one are simply applied again from the outbox (whose entries go only after a commit), and
 * says so in {@link #health()}; if it cannot reopen, health says DOWN with the reason until it can.
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
    private final GermanTextAnalysis analysis;
    private final FreeTextQueryParser parser;
    private static final Logger LOG = Logger.getLogger(LuceneTextIndex.class.getName());
    // a term no entry carries: deleting it exercises the writer without changing the index
    private static final Term PROBE = new Term("health-probe", "none");

    private final DocumentMapper mapper = new DocumentMapper();
    private volatile Open open;
    private volatile int reopened;
    private volatile String lastFailure;
    private volatile String downReason;

    /** The writer in use and the searchers it feeds; replaced as a whole when the writer has to be reopened. */
    private record Open(IndexWriter writer, SearcherManager searchers) {
    }

    @FunctionalInterface
    private interface WriterAction {
        void apply(IndexWriter writer) throws IOException;
    }

    @FunctionalInterface
    private interface SearcherAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** An index in {@code directory}, which it takes over and closes; creates the index if there is none. */
    public LuceneTextIndex(Directory directory, GermanCompoundSplitter splitter) {
        this.directory = directory;
        this.indexAnalyzer = GermanDocumentAnalyzer.forIndexing(splitter);
        this.queryAnalyzer = GermanDocumentAnalyzer.forQueries();
        this.analysis = new GermanTextAnalysis(indexAnalyzer, queryAnalyzer);
        this.parser = new FreeTextQueryParser(analysis);
        try {
            this.open = openWriter();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    private Open openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        try {
            // refreshed only on commit, so searches see committed state, as the port promises
            return new Open(writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
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
        Document entry = mapper.toLucene(document);
        write("index document " + document.documentId(),
                writer -> writer.updateDocument(DocumentMapper.idTerm(document.documentId()), entry));
    }

    @Override
    public void delete(long documentId) {
        write("delete document " + documentId + " from the index",
                writer -> writer.deleteDocuments(DocumentMapper.idTerm(documentId)));
    }

    @Override
    public void deleteAll() {
        write("empty the index", IndexWriter::deleteAll);
    }

    @Override
    public void commit() {
        Open current = open;
        write(current, "commit the index", writer -> {
            writer.commit();
            current.searchers().maybeRefreshBlocking();
        });
    }

    @Override
    public ComponentHealth health() {
        Open current = open;
        try {
            // a real write that changes nothing: a closed or broken writer refuses it
            current.writer().deleteDocuments(PROBE);
            long documents = read(searcher -> (long) searcher.getIndexReader().numDocs());
            synchronized (this) {
                return reopened == 0 ? ComponentHealth.up() : new ComponentHealth(HealthStatus.UP,
                        documents + " documents; the writer was reopened " + reopened + " time(s), last after: "
                                + lastFailure);
            }
        } catch (IOException | RuntimeException e) {
            heal(current, e);
            synchronized (this) {
                return downReason != null ? ComponentHealth.down(downReason)
                        : ComponentHealth.degraded("the index writer had stopped (" + lastFailure + ") and was "
                                + "reopened from its last commit; changes since then are being applied again");
            }
        }
    }

    private void write(String what, WriterAction action) {
        write(open, what, action);
    }

    private void write(Open current, String what, WriterAction action) {
        try {
            action.apply(current.writer());
        } catch (AlreadyClosedException | IOException | VirtualMachineError e) {
            IndexWriter writer = current.writer();
            if (writer.isOpen() && writer.getTragicException() == null) {
                if (e instanceof VirtualMachineError error) {
                    throw error;
                }
                throw e instanceof IOException io ? new UncheckedIOException("cannot " + what, io)
                        : (RuntimeException) e;
            }
            heal(current, writer.getTragicException() != null ? writer.getTragicException() : e);
            throw new IndexWriterReopenedException("cannot " + what + ": the index writer stopped ("
                    + describe(writer.getTragicException() != null ? writer.getTragicException() : e)
                    + ") and " + (downReason == null ? "was reopened from its last commit; try again"
                    : "cannot be reopened: " + downReason), e);
        }
    }

    // replaces a writer Lucene closed for good with a new one on the last commit; once for all who noticed
    private synchronized void heal(Open broken, Throwable cause) {
        if (open != broken && downReason == null) {
            return;
        }
        IndexWriter writer = broken.writer();
        if (writer.isOpen() && writer.getTragicException() == null && !(cause instanceof AlreadyClosedException)) {
            return;
        }
        try {
            broken.searchers().close();
        } catch (IOException | RuntimeException e) {
            // the old searchers go either way
        }
        try {
            if (writer.isOpen()) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException e) {
            // a tragic writer may refuse even this; the lock file goes with it
        }
        lastFailure = describe(cause);
        try {
            open = openWriter();
            reopened++;
            downReason = null;
            LOG.log(Level.WARNING, "the search index writer stopped (" + lastFailure + "); reopened it from the "
                    + "last commit, the outbox applies what was lost", cause);
        } catch (IOException | RuntimeException e) {
            downReason = describe(e);
            LOG.log(Level.SEVERE, "the search index writer stopped (" + lastFailure + ") and cannot be reopened", e);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private <T> T read(SearcherAction<T> action) throws IOException {
        for (int attempt = 1; ; attempt++) {
            SearcherManager searchers = open.searchers();
            IndexSearcher searcher;
            try {
                searcher = searchers.acquire();
            } catch (AlreadyClosedException e) {
                // the writer was just reopened: its successor serves the search
                if (attempt == 3) {
                    throw e;
                }
                continue;
            }
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        }
    }

    private static java.time.LocalDate date(Document doc) {
        var field = doc.getField(IndexFields.DATE);
        return field == null || field.numericValue() == null ? null
                : java.time.LocalDate.ofEpochDay(field.numericValue().longValue());
    }

    @Override
    public List<Integer> matchingWords(String query, List<String> words) {
        return MatchingWords.of(query, words, analysis);
    }

    @Override
    public String describe() {
        return "local Lucene index, " + directory;
    }

    @Override
    public long count() {
        try {
            return read(searcher -> (long) searcher.getIndexReader().numDocs());
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
            return read(searcher -> search(searcher, query, text, filtered));
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
                Open current = open;
                current.searchers().close();
                if (current.writer().isOpen()) {
                    current.writer().close();
                }
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
