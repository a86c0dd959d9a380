package de.akte.core.infrastructure.opensearch;

import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthStatus;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.search.AnalyzedToken;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.MatchingWords;
import de.akte.core.search.PageOffsets;
import de.akte.core.search.QueryClauses;
import de.akte.core.search.SearchHit;
import de.akte.core.search.SearchIndexUnavailableException;
import de.akte.core.search.SearchQuery;
import de.akte.core.search.SearchResult;
import de.akte.core.search.TextAnalysis;
import de.akte.core.search.TextIndex;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The full-text index on an OpenSearch cluster, shared by every server node. Text is analysed here, by the search's
 * German analysis ({@link TextAnalysis}), and sent as terms ({@link TermEncoding}), so this index finds exactly what
 * the local Lucene index finds; filters, facets (terms aggregations), ranking (BM25, the same fields and boosts)
 * and paging run in OpenSearch, the marks and matched pages of the hits are found here in their text
 * ({@link TextMatches}, {@link Snippets}).
 *
 * <p>Searches read the index's name, an alias; changes go to the alias {@code name-write}, and a rebuild fills a
 * new generation behind it while searches still read the old one ({@link IndexGenerations}).
 *
 * <p>Changes are collected and sent in bulk requests of up to {@value #BULK_DOCUMENTS} documents; {@link #commit()}
 * sends the rest and refreshes the index, which refreshes only then, so searches see committed state. A change that
 * fails throws: the outbox keeps its request and applies it again.
 */
public final class OpenSearchTextIndex implements TextIndex {

    private static final Logger LOG = Logger.getLogger(OpenSearchTextIndex.class.getName());
    static final int BULK_DOCUMENTS = 500;
    // a few large documents fill a request too: a bulk request should stay a few MB
    private static final long BULK_CHARACTERS = 8_000_000;
    // A word found in several fields scores by its best field, plus a little for the others (as in the local index).
    private static final float TIE_BREAKER = 0.1f;
    private static final int FACET_VALUES = 1000;
    private static final int MAX_WINDOW = 1_000_000;
    // an id no entry has: deleting it exercises the write path without changing the index
    private static final String PROBE_ID = "health-probe";

    private final OpenSearchSettings settings;
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;
    private final TextAnalysis analysis;
    private final IndexGenerations generations;
    // the read alias (searches, counts) and the write alias (changes)
    private final String index;
    private final String writeIndex;

    private final Object pendingLock = new Object();
    private List<BulkOperation> pending = new ArrayList<>();
    private long pendingCharacters;
    private volatile boolean indexExists;
    // the generation a rebuild started here writes into, until its commit
    private volatile String rebuilding;

    /** An index on the cluster {@code settings} name, reading text with {@code analysis}; connects lazily. */
    public static OpenSearchTextIndex connect(OpenSearchSettings settings, TextAnalysis analysis) {
        return new OpenSearchTextIndex(settings, transport(settings), analysis);
    }

    private OpenSearchTextIndex(OpenSearchSettings settings, OpenSearchTransport transport, TextAnalysis analysis) {
        this.settings = settings;
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
        this.analysis = analysis;
        this.generations = new IndexGenerations(client, settings.index());
        this.index = generations.read();
        this.writeIndex = generations.write();
    }

    private static OpenSearchTransport transport(OpenSearchSettings settings) {
        java.net.URI url = settings.url();
        int port = url.getPort() > 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 9200;
        HttpHost host = new HttpHost(url.getScheme(), url.getHost(), port);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper());
        if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
            builder.setPathPrefix(url.getPath());
        }
        if (settings.user() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(settings.user(),
                    (settings.password() == null ? "" : settings.password()).toCharArray()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    @Override
    public void index(IndexedDocument document) {
        Map<String, Object> source = DocumentSource.of(document, analysis);
        long characters = document.pages().stream().mapToLong(String::length).sum();
        add(BulkOperation.of(b -> b.index(i -> i.index(writeIndex).id(Long.toString(document.documentId()))
                .document(source))), characters);
    }

    @Override
    public void delete(long documentId) {
        add(BulkOperation.of(b -> b.delete(d -> d.index(writeIndex).id(Long.toString(documentId)))), 0);
    }

    private void add(BulkOperation operation, long characters) {
        List<BulkOperation> full = null;
        synchronized (pendingLock) {
            pending.add(operation);
            pendingCharacters += characters;
            if (pending.size() >= BULK_DOCUMENTS || pendingCharacters >= BULK_CHARACTERS) {
                full = takePending();
            }
        }
        if (full != null) {
            send(full);
        }
    }

    private List<BulkOperation> takePending() {
        List<BulkOperation> taken = pending;
        pending = new ArrayList<>();
        pendingCharacters = 0;
        return taken;
    }

    private void send(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        ensureIndex();
        BulkResponse response = call("send " + operations.size() + " change(s)",
                () -> client.bulk(b -> b.index(writeIndex).operations(operations)));
        if (response.errors()) {
            List<String> failures = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    failures.add(item.id() + ": " + item.error().type() + " " + item.error().reason());
                }
            }
            throw new IllegalStateException(failures.size() + " of " + operations.size() + " change(s) to the "
                    + "OpenSearch index were refused, e.g. " + failures.get(0));
        }
    }

    /**
     * Starts a rebuild in a new generation of the index: searches keep reading the old one, whole, until the
     * rebuild's {@link #commit()}.
     */
    @Override
    public void deleteAll() {
        synchronized (pendingLock) {
            takePending();
        }
        ensureIndex();
        rebuilding = call("start a new generation of the index", generations::startRebuild);
    }

    @Override
    public void commit() {
        List<BulkOperation> rest;
        synchronized (pendingLock) {
            rest = takePending();
        }
        send(rest);
        ensureIndex();
        call("refresh the index", () -> client.indices().refresh(r -> r.index(index, writeIndex)));
        String rebuilt = rebuilding;
        if (rebuilt != null) {
            call("switch searches to the rebuilt index", () -> {
                generations.finishRebuild(rebuilt);
                return null;
            });
            rebuilding = null;
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        if (query.visibleDepartments() != null && query.visibleDepartments().isEmpty()) {
            return new SearchResult(0, List.of(), facets(Map.of()));
        }
        long from = (long) query.page() * query.size();
        // past the window only the total and the facets are asked for: a page there is empty unless there are
        // that many hits, which cannot be paged to
        boolean beyondWindow = from + query.size() > MAX_WINDOW;
        int wanted = beyondWindow ? 0 : query.size();
        List<List<AnalyzedToken>> clauses = QueryClauses.of(query.text(), analysis);
        Query filtered = Query.of(q -> q.bool(b -> b.must(text(clauses)).filter(OpenSearchFilters.of(query))));
        ensureIndex();
        SearchResponse<Map> response = call("search the index", () -> client.search(s -> {
            s.index(index).query(filtered).from(beyondWindow ? 0 : (int) from).size(wanted)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(IndexFields.HIT_SOURCE)))
                    .aggregations(FacetNames.DEPARTMENT, a -> a.terms(t -> t.field(IndexFields.DEPARTMENT)
                            .size(FACET_VALUES)))
                    .aggregations(FacetNames.DOCUMENT_TYPE, a -> a.terms(t -> t.field(IndexFields.DOCUMENT_TYPE)
                            .size(FACET_VALUES)))
                    .aggregations(FacetNames.YEAR, a -> a.terms(t -> t.field(IndexFields.YEAR).size(FACET_VALUES)));
            if (clauses.isEmpty()) {
                s.sort(newestFirst());
            }
            return s;
        }, Map.class));
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            hits.add(hit(hit, clauses));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        if (beyondWindow && total > from) {
            throw new InvalidInputException("page", "only the first " + MAX_WINDOW + " hits can be paged through; "
                    + "narrow the search");
        }
        return new SearchResult(total, hits, facets(response.aggregations()));
    }

    private static Query text(List<List<AnalyzedToken>> clauses) {
        if (clauses.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<Query> all = new ArrayList<>();
        for (List<AnalyzedToken> clause : clauses) {
            all.add(acrossFields(clause));
        }
        return Query.of(q -> q.bool(b -> b.must(all)));
    }

    // Several terms from one word ("E-Mail") or a quoted phrase must stand together, as in the text; the slop
    // bridges the positions of words the query analysis dropped (the "AZ" before a file reference).
    private static Query acrossFields(List<AnalyzedToken> clause) {
        StringBuilder phrase = new StringBuilder();
        clause.forEach(t -> phrase.append(phrase.isEmpty() ? "" : " ").append(t.term()));
        int slop = clause.get(clause.size() - 1).position() - clause.get(0).position() - (clause.size() - 1);
        List<Query> perField = new ArrayList<>();
        IndexFields.SEARCHED.forEach((field, boost) -> perField.add(Query.of(q -> q.matchPhrase(m -> m.field(field)
                .query(phrase.toString()).slop(Math.max(0, slop)).boost(boost)))));
        return Query.of(q -> q.disMax(d -> d.queries(perField).tieBreaker(TIE_BREAKER)));
    }

    private static List<SortOptions> newestFirst() {
        return List.of(
                SortOptions.of(s -> s.field(f -> f.field(IndexFields.DATE).order(SortOrder.Desc).missing(
                        FieldValue.of("_last")))),
                SortOptions.of(s -> s.field(f -> f.field(IndexFields.ID).order(SortOrder.Desc))));
    }

    private SearchHit hit(Hit<Map> hit, List<List<AnalyzedToken>> clauses) {
        Map<?, ?> source = hit.source() == null ? Map.of() : hit.source();
        List<String> pages = pages(source.get(IndexFields.PAGES));
        String text = PageOffsets.join(pages);
        TextMatches matches = TextMatches.of(clauses.isEmpty() ? List.of() : analysis.forIndex(text), clauses);
        Object date = source.get(IndexFields.DATE);
        Double score = hit.score();
        return new SearchHit(Long.parseLong(hit.id()), string(source.get(IndexFields.TITLE)),
                string(source.get(IndexFields.CASE_FILE)), string(source.get(IndexFields.DEPARTMENT)),
                string(source.get(IndexFields.DOCUMENT_TYPE)),
                score == null || score.isNaN() ? 0f : score.floatValue(),
                Snippets.of(text, matches), matches.pages(PageOffsets.of(pages)),
                date == null ? null : LocalDate.parse(date.toString()));
    }

    private static List<String> pages(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(p -> p == null ? "" : p.toString()).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, Map<String, Long>> facets(Map<String, Aggregate> aggregations) {
        Map<String, Map<String, Long>> facets = new HashMap<>();
        for (String facet : List.of(FacetNames.DEPARTMENT, FacetNames.DOCUMENT_TYPE, FacetNames.YEAR)) {
            List<StringTermsBucket> buckets = aggregations.containsKey(facet)
                    ? aggregations.get(facet).sterms().buckets().array() : List.of();
            Map<String, Long> counts = new LinkedHashMap<>();
            buckets.stream()
                    .filter(b -> b.docCount() > 0)
                    .sorted((a, b) -> a.docCount() != b.docCount() ? Long.compare(b.docCount(), a.docCount())
                            : a.key().compareTo(b.key()))
                    .forEach(b -> counts.put(b.key(), b.docCount()));
            facets.put(facet, Collections.unmodifiableMap(counts));
        }
        return facets;
    }

    @Override
    public List<Integer> matchingWords(String query, List<String> words) {
        return MatchingWords.of(query, words, analysis);
    }

    @Override
    public ComponentHealth health() {
        try {
            ensureIndex();
            // a real write that changes nothing (a bulk request, as the changes are sent), then a real read
            BulkResponse probe = client.bulk(b -> b.operations(BulkOperation.of(o -> o.delete(d -> d.index(writeIndex)
                    .id(PROBE_ID)))));
            if (probe.errors()) {
                return ComponentHealth.down("the OpenSearch index " + index + " refuses changes: "
                        + probe.items().get(0).error().reason());
            }
            long documents = client.count(c -> c.index(index)).count();
            HealthResponse cluster = client.cluster().health(h -> h.index(index));
            return switch (cluster.status()) {
                case Red -> ComponentHealth.down("the OpenSearch index " + index + " is red: "
                        + cluster.unassignedShards() + " shard(s) unassigned");
                case Yellow -> new ComponentHealth(HealthStatus.UP, documents + " documents; the OpenSearch index "
                        + "is yellow: " + cluster.unassignedShards() + " replica shard(s) unassigned");
                default -> ComponentHealth.up();
            };
        } catch (IOException | RuntimeException e) {
            // the address is in the administrators' details, not in the public reason
            return ComponentHealth.down("OpenSearch cannot be reached or refuses the index: " + describe(e));
        }
    }

    @Override
    public long count() {
        ensureIndex();
        return call("count the index", () -> client.count(c -> c.index(index)).count());
    }

    @Override
    public String describe() {
        return "OpenSearch " + settings.url() + ", index " + index;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing the OpenSearch client: " + e);
        }
    }

    private void ensureIndex() {
        if (indexExists) {
            return;
        }
        synchronized (this) {
            if (!indexExists) {
                call("create the index", () -> {
                    generations.ensure();
                    return null;
                });
                indexExists = true;
            }
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new SearchIndexUnavailableException("cannot " + what + ": OpenSearch cannot be reached ("
                    + describe(e) + ")", e);
        } catch (OpenSearchException e) {
            if (e.status() >= 500 || e.status() == 429) {
                throw new SearchIndexUnavailableException("cannot " + what + ": OpenSearch answered " + e.status()
                        + " (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
