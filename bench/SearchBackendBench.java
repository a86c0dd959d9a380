import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.lucene.analysis.GermanTextAnalysis;
import de.akte.core.infrastructure.opensearch.OpenSearchSettings;
import de.akte.core.infrastructure.opensearch.OpenSearchTextIndex;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.SearchQuery;
import de.akte.core.search.TextIndex;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The two search backends side by side, through the search port directly: loads N generated one-page German
 * documents into the local Lucene index and into an OpenSearch index (bulk, the same index documents the outbox
 * builds), then runs searches for a common word, a two-word AND and a rare token as a clerk who sees three of ten
 * departments, and prints p50/p99 in milliseconds, the load rate and the index size.
 *
 * bench/run SearchBackendBench --opensearch http://127.0.0.1:19200 [--docs 10000] [--searches 300]
 *     [--backends lucene,opensearch] [--dir target/search-bench] [--index akte-bench]
 * (the command-line client's jar carries dms-core and its libraries). OpenSearch's own heap is what its start
 * gave it (the shared script: 512 MiB); this process's heap is printed. The OpenSearch size is measured after a
 * forced merge into one segment; the Lucene size as its merges left it.
 */
public class SearchBackendBench {

    static final String USAGE = """
            usage: bench/run SearchBackendBench [options]
              --docs N          one-page documents to load (default 10000)
              --searches N      searches per kind, after 50 to warm up (default 300)
              --backends LIST   lucene, opensearch or both (default lucene,opensearch)
              --opensearch URL  the OpenSearch node (default http://127.0.0.1:19200)
              --index NAME      the OpenSearch index, replaced (default akte-bench)
              --dir DIR         the Lucene index directory, replaced (default target/search-bench)
              --help            this text
            """;

    private static final String[] DEPARTMENTS = {"10", "20", "30", "32", "40", "50", "51", "61", "62", "70"};
    private static final Set<String> VISIBLE = Set.of("32", "50", "61");
    private static final String[] TYPES = {"Bescheid", "Antrag", "Vermerk", "Schreiben", "Rechnung"};
    private static final String[] WORDS = {"Baugenehmigung", "Bauantrag", "Lageplan", "Widerspruch", "Bescheid",
            "Gewerbeanmeldung", "Sondernutzung", "Straße", "Grundstück", "Flurstück", "Gemarkung", "Abwasser",
            "Gebühren", "Ordnungswidrigkeit", "Anhörung", "Stellungnahme", "Nachforderung", "Baulast", "Wohngeld",
            "Müllabfuhr", "Hundesteuer", "Einwohnermeldeamt", "Personalausweis", "Führungszeugnis", "Kita-Platz",
            "Elternbeitrag", "Grundsteuer", "Friedhofsgebühren", "Sitzung", "Gemeinderat", "Beschluss", "Vorlage",
            "Haushaltsplan", "Zuwendung", "Förderantrag", "Verwendungsnachweis", "Fristverlängerung", "Akteneinsicht",
            "Datenschutz", "Vollmacht", "Zustellung", "Mahnung", "Vollstreckung", "Ratenzahlung", "Stundung"};
    private static final String[] FILLER = {"der", "die", "das", "und", "mit", "für", "vom", "zum", "wir", "Sie",
            "bitten", "um", "Ihre", "Ihnen", "wurde", "wird", "ist", "nach", "gemäß", "Absatz", "Satz", "bis",
            "zum", "Datum", "eingegangen", "geprüft", "beigefügt", "Unterlagen", "freundlichen", "Grüßen", "Herr",
            "Frau", "Stadt", "Amt", "Sachbearbeitung", "Telefon", "Zimmer", "Anlage", "Kenntnis", "genommen"};
    // a vocabulary as large as real correspondence has, so the terms dictionary is not toy-sized
    private static final int RARE_VOCABULARY = 40_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        int docs = Integer.parseInt(options.getOrDefault("docs", "10000"));
        int searches = Integer.parseInt(options.getOrDefault("searches", "300"));
        List<String> backends = List.of(options.getOrDefault("backends", "lucene,opensearch").split(","));
        GermanCompoundSplitter splitter = GermanCompoundSplitter.withBundledDictionary();
        System.out.printf("%d one-page documents, %d searches per kind, caller sees %d of %d departments; "
                + "bench heap max %d MiB, %d cores%n", docs, searches, VISIBLE.size(), DEPARTMENTS.length,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (String backend : backends) {
            switch (backend.strip()) {
                case "lucene" -> {
                    Path dir = Path.of(options.getOrDefault("dir", "target/search-bench"));
                    deleteRecursively(dir);
                    try (TextIndex index = LuceneTextIndex.open(dir, splitter)) {
                        run("lucene", index, docs, searches, () -> directorySize(dir));
                    }
                }
                case "opensearch" -> {
                    URI url = URI.create(options.getOrDefault("opensearch", "http://127.0.0.1:19200"));
                    String name = options.getOrDefault("index", "akte-bench");
                    OpenSearchSettings settings = new OpenSearchSettings(url, null, null, name);
                    try (TextIndex index = OpenSearchTextIndex.connect(settings, new GermanTextAnalysis(splitter))) {
                        run("opensearch", index, docs, searches, () -> openSearchSize(url, name));
                    }
                }
                default -> throw new IllegalArgumentException("unknown backend " + backend);
            }
        }
    }

    @FunctionalInterface
    interface Size {
        long bytes() throws Exception;
    }

    private static void run(String name, TextIndex index, int docs, int searches, Size size) throws Exception {
        index.deleteAll();
        index.commit();
        Random random = new Random(42);
        long start = System.nanoTime();
        for (int i = 1; i <= docs; i++) {
            index.index(document(i, random));
            // as a rebuild does: the port collects, the backend writes in its own batches; commit every 10,000
            if (i % 10_000 == 0) {
                index.commit();
            }
        }
        index.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-10s loaded %d documents in %.1f s (%.0f documents/s); %d in the index%n", name, docs,
                seconds, docs / seconds, index.count());
        Random queries = new Random(7);
        measure(name, "common word", index, searches, q -> "Antrag");
        measure(name, "two-word AND", index, searches, q -> "Bescheid Wohngeld");
        // a document the caller sees, a different one each time
        measure(name, "rare token", index, searches, q -> "R" + visibleId(queries, docs));
        // after the searches, so that OpenSearch's forced merge does not favour them
        long bytes = size.bytes();
        System.out.printf("%-10s index size %.1f MiB (%.0f bytes/document)%n", name, bytes / 1048576.0,
                (double) bytes / docs);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%-10s bench heap in use after GC: %d MiB%n", name, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    interface QueryText {
        String next(int i);
    }

    private static void measure(String name, String kind, TextIndex index, int searches, QueryText text) {
        long hits = 0;
        for (int i = 0; i < 50; i++) {
            index.search(SearchQuery.of(text.next(i), VISIBLE));
        }
        long[] nanos = new long[searches];
        for (int i = 0; i < searches; i++) {
            String q = text.next(i);
            long t = System.nanoTime();
            hits += index.search(SearchQuery.of(q, VISIBLE)).total();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-10s %-13s p50 %6.1f ms  p99 %6.1f ms  (%.0f hits on average, 20 per page with snippets)%n",
                name, kind, nanos[searches / 2] / 1e6, nanos[(int) Math.ceil(searches * 0.99) - 1] / 1e6,
                (double) hits / searches);
    }

    // one page of about 180 words: filler, administrative words with a Zipf-like spread, a rare word, a reference
    private static IndexedDocument document(int id, Random random) {
        StringBuilder page = new StringBuilder();
        page.append("Aktenzeichen R").append(id).append(". ");
        if (random.nextDouble() < 0.3) {
            page.append("Ihr Antrag vom ").append(1 + random.nextInt(28)).append(". März. ");
        }
        for (int w = 0; w < 180; w++) {
            double roll = random.nextDouble();
            if (roll < 0.6) {
                page.append(FILLER[random.nextInt(FILLER.length)]);
            } else if (roll < 0.9) {
                // Zipf-like: low indexes far more often
                int k = (int) Math.floor(Math.pow(WORDS.length, random.nextDouble())) - 1;
                page.append(WORDS[Math.max(0, k)]);
            } else {
                page.append(rareWord(random.nextInt(RARE_VOCABULARY)));
            }
            page.append(w % 15 == 14 ? ". " : " ");
        }
        String department = DEPARTMENTS[id % DEPARTMENTS.length];
        LocalDate date = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
        return new IndexedDocument(id, TYPES[random.nextInt(TYPES.length)] + " " + id, null, department,
                TYPES[random.nextInt(TYPES.length)], date, List.of(page.toString()), Map.of("sender", "Stadtwerke"));
    }

    private static int visibleId(Random random, int docs) {
        while (true) {
            int id = 1 + random.nextInt(docs);
            if (VISIBLE.contains(DEPARTMENTS[id % DEPARTMENTS.length])) {
                return id;
            }
        }
    }

    private static String rareWord(int n) {
        String[] syllables = {"ka", "lo", "mer", "tin", "ra", "bus", "fel", "dor", "wen", "gi", "sta", "hun"};
        StringBuilder word = new StringBuilder();
        int x = n;
        do {
            word.append(syllables[x % syllables.length]);
            x /= syllables.length;
        } while (x > 0);
        return word.substring(0, 1).toUpperCase() + word.substring(1);
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static final Pattern STORE = Pattern.compile("\"primaries\"\\s*:\\s*\\{\"store\"\\s*:\\s*\\{\"size_in_bytes\"\\s*:\\s*(\\d+)");

    private static long openSearchSize(URI url, String index) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(url.resolve("/" + index + "/_forcemerge?max_num_segments=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        // with refresh_interval -1 the merged segment only replaces the old ones in use after a refresh
        http.send(HttpRequest.newBuilder(url.resolve("/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        String stats = http.send(HttpRequest.newBuilder(url.resolve("/" + index + "/_stats/store")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = STORE.matcher(stats);
        if (!m.find()) {
            throw new IllegalStateException("no store size in " + stats);
        }
        return Long.parseLong(m.group(1));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i] + "\n" + USAGE);
            }
            String key = args[i].substring(2);
            if (key.equals("help")) {
                options.put(key, "");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value\n" + USAGE);
            }
        }
        return options;
    }
}
