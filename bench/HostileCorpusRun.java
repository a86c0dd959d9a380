import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import de.akte.ingest.cli.ApiClient;
import de.akte.ingest.cli.MultipartBody;
import de.akte.ingest.cli.ServerConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Against a running Akte: uploads every file of a hostile corpus ({@code HostileCorpus}) and, at the same time, a
 * stream of normal born-digital PDFs; waits until the hostile documents have settled (READY, FAILED or QUARANTINED)
 * and the normal ones are searchable, then prints files tried, HTTP answers (5xx must be 0), whether the server
 * stayed alive (restarts needed), health answers seen, final states by status and reason, the peak heap and the
 * throughput of the normal documents while the hostile ones were processed.
 *
 * <pre>
 * java -cp dms-ingest/target/akte.jar bench/HostileCorpusRun.java --corpus target/hostile-corpus
 *      [--url http://127.0.0.1:8080] [--user admin] [--password …] [--normal 400] [--normal-rate 4] [--threads 4]
 *      [--settle-minutes 25] [--department hostile] [--pid-file server.pid] [--gc-log gc.log]
 *      [--restarts-file restarts] [--help]
 * </pre>
 * (or {@code bench/run HostileCorpusRun …}: the run talks to the server through the command-line client's HTTP
 * client, hence the client's jar on the class path).
 * The password may also come from AKTE_ADMIN_PASSWORD. {@code --pid-file} names a file holding the server JVM's
 * process id: the run then checks that it stays alive and, without {@code --gc-log}, samples its heap with
 * {@code jcmd <pid> GC.heap_info}. {@code --gc-log} is the server's {@code -Xlog:gc} file (or a directory of
 * {@code gc*.log} files, one per server process), whose largest
 * heap-before-collection is the peak. {@code --restarts-file} is written by a watchdog that restarted the server
 * (one line each); {@code bench/hostile-corpus.sh} does all of this.
 */
public class HostileCorpusRun {

    static final String USAGE = """
            usage: java -cp dms-ingest/target/akte.jar bench/HostileCorpusRun.java [options]
                   (or: bench/run HostileCorpusRun [options]; bench/hostile-corpus.sh starts a server as well)
              --corpus DIR          the corpus written by bench/HostileCorpus.java (default target/hostile-corpus)
              --url URL             Akte base URL (default $AKTE_URL or http://127.0.0.1:8080)
              --user NAME           user for HTTP Basic (default admin)
              --password PW         password (or set AKTE_ADMIN_PASSWORD)
              --normal N            normal PDFs sent alongside at most (default 400)
              --normal-rate R       normal PDFs per second (default 4)
              --threads N           parallel hostile uploads and status polls (default 4)
              --settle-minutes M    how long the hostile documents may take to settle (default 25)
              --department CODE     department for the uploads, created if missing (default hostile)
              --pid-file FILE       file holding the server's process id: watch it and sample its heap
              --gc-log FILE|DIR     the server's -Xlog:gc file(s), for the peak heap
              --restarts-file FILE  a watchdog's list of server restarts
              --help                this text
            """;
    private static final List<String> SETTLED = List.of("READY", "FAILED", "QUARANTINED");

    private final ApiClient api;
    private final Map<String, AtomicInteger> uploadAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger noAnswer = new AtomicInteger();

    HostileCorpusRun(ApiClient api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        String url = arg(args, "--url", System.getenv().getOrDefault("AKTE_URL", "http://127.0.0.1:8080"));
        String user = arg(args, "--user", "admin");
        String password = arg(args, "--password", System.getenv("AKTE_ADMIN_PASSWORD"));
        Path corpus = Path.of(arg(args, "--corpus", "target/hostile-corpus"));
        int normal = Integer.parseInt(arg(args, "--normal", "400"));
        double normalRate = Double.parseDouble(arg(args, "--normal-rate", "4"));
        int threads = Integer.parseInt(arg(args, "--threads", "4"));
        int settleMinutes = Integer.parseInt(arg(args, "--settle-minutes", "25"));
        String department = arg(args, "--department", "hostile");
        Path pidFile = pathArg(args, "--pid-file");
        Path gcLog = pathArg(args, "--gc-log");
        Path restartsFile = pathArg(args, "--restarts-file");
        if (password == null) {
            System.err.println("give --password or set AKTE_ADMIN_PASSWORD");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ApiClient api = new ApiClient(new ServerConnection(URI.create(url), user, password));
        HostileCorpusRun run = new HostileCorpusRun(api);
        run.send(api.postJson("/api/departments", api.object().put("code", department).put("name", "Hostile corpus")),
                3);
        run.execute(files, department, normal, normalRate, threads, settleMinutes, pidFile, gcLog, restartsFile);
    }

    private void execute(List<Path> files, String department, int normalMax, double normalRate, int threads,
                         int settleMinutes, Path pidFile, Path gcLog, Path restartsFile) throws Exception {
        Monitor monitor = new Monitor(pidFile, gcLog == null);
        Thread monitoring = new Thread(monitor, "monitor");
        monitoring.setDaemon(true);
        monitoring.start();
        long start = System.nanoTime();
        String marker = "normal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        System.out.printf(Locale.ROOT, "uploading %d hostile files with %d threads, and normal PDFs (marker %s) at "
                + "%.1f/s until they settle%n", files.size(), threads, marker, normalRate);

        AtomicBoolean hostileSettled = new AtomicBoolean();
        List<Long> normalIds = Collections.synchronizedList(new ArrayList<>());
        Map<Long, Long> uploadedAt = new ConcurrentHashMap<>();
        Map<Long, Long> searchableAt = new ConcurrentHashMap<>();
        AtomicLong firstNormal = new AtomicLong();
        Thread normalStream = new Thread(() -> {
            long pause = (long) (1000 / normalRate);
            for (int n = 0; n < normalMax && !hostileSettled.get(); n++) {
                try {
                    if (n == 0) {
                        firstNormal.set(System.nanoTime());
                    }
                    long sent = System.nanoTime();
                    long id = upload("normal-" + n + ".pdf", normalPdf(marker, n), department, "Normal " + n);
                    if (id > 0) {
                        uploadedAt.put(id, sent);
                        normalIds.add(id);
                    }
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    noAnswer.incrementAndGet();
                }
            }
        }, "normal-stream");
        normalStream.start();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread searchWatch = new Thread(() -> {
            while (watching.get()) {
                try {
                    for (long id : searchable(marker)) {
                        searchableAt.putIfAbsent(id, System.nanoTime());
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the next round asks again
                }
            }
        }, "search-watch");
        searchWatch.start();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> uploads = new ArrayList<>();
        for (Path file : files) {
            uploads.add(pool.submit(() -> upload(file.getFileName().toString(), Files.readAllBytes(file), department,
                    "Hostile " + file.getFileName())));
        }
        Map<Long, String> hostile = new ConcurrentHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            long id = uploads.get(i).get();
            if (id > 0) {
                hostile.put(id, files.get(i).getFileName().toString());
            }
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "uploaded in %.1f s: %d accepted; waiting for processing to settle%n",
                uploadSeconds, hostile.size());

        Map<Long, String[]> states = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(settleMinutes);
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            List<Long> open = hostile.keySet().stream()
                    .filter(id -> !states.containsKey(id) || !SETTLED.contains(states.get(id)[0])).toList();
            List<Future<?>> polls = new ArrayList<>();
            for (long id : open) {
                polls.add(pool.submit(() -> {
                    if (System.nanoTime() > deadline) {
                        return null; // a server that does not answer must not keep the run going round by round
                    }
                    String[] state = state(id);
                    if (state != null) {
                        states.put(id, state);
                    }
                    return null;
                }));
            }
            for (Future<?> poll : polls) {
                poll.get();
            }
            long unsettled = hostile.keySet().stream()
                    .filter(id -> !states.containsKey(id) || !SETTLED.contains(states.get(id)[0])).count();
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "  %5.0f s: %d hostile documents not settled, %d normal uploaded, "
                        + "heap peak %s%n", (System.nanoTime() - start) / 1e9, unsettled, normalIds.size(),
                        megabytes(monitor.peakBytes.get()));
            }
            if (unsettled == 0) {
                break;
            }
            Thread.sleep(3000);
        }
        hostileSettled.set(true);
        double hostileSeconds = (System.nanoTime() - start) / 1e9;
        normalStream.join();
        long normalUploaded = normalIds.size();
        long normalDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(monitor.everDead ? 1 : 5);
        while (System.nanoTime() < normalDeadline && !searchableAt.keySet().containsAll(uploadedAt.keySet())) {
            Thread.sleep(500);
        }
        watching.set(false);
        searchWatch.join();
        long searchable = uploadedAt.keySet().stream().filter(searchableAt::containsKey).count();
        long lastSearchable = searchableAt.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        double normalSeconds = (lastSearchable - firstNormal.get()) / 1e9;
        List<Double> latencies = uploadedAt.entrySet().stream().filter(e -> searchableAt.containsKey(e.getKey()))
                .map(e -> (searchableAt.get(e.getKey()) - e.getValue()) / 1e9).sorted().toList();
        pool.shutdown();
        monitor.stop();
        monitoring.join(5000);

        System.out.println();
        System.out.println("== hostile corpus run ==");
        System.out.printf(Locale.ROOT, "files tried:            %d hostile (+ %d normal PDFs)%n", files.size(),
                normalUploaded);
        System.out.printf("HTTP answers to uploads: %s%n", new TreeMap<>(uploadAnswers));
        System.out.printf("HTTP 5xx answers:        %d (requests without any answer: %d)%n", serverErrors.get(),
                noAnswer.get());
        int restarts = restartsFile != null && Files.exists(restartsFile) ? Files.readAllLines(restartsFile).size() : 0;
        System.out.printf("server restarts needed:  %d%s%n", restarts, pidFile == null ? " (no --pid-file: not watched)"
                : monitor.everDead ? " (the server process died)" : " (process alive throughout)");
        System.out.printf("health answers:          %s, unanswered within 10 s: %d%n", new TreeMap<>(monitor.health),
                monitor.healthTimeouts.get());
        if (!monitor.reasons.isEmpty()) {
            System.out.printf("health reasons seen:     %s%n", monitor.reasons);
        }
        System.out.printf(Locale.ROOT, "settled after:           %.0f s (%d of %d hostile documents settled)%n",
                hostileSeconds, hostile.keySet().stream().filter(id -> states.containsKey(id)
                        && SETTLED.contains(states.get(id)[0])).count(), hostile.size());
        System.out.println("final states by reason:");
        Map<String, List<String>> byReason = new TreeMap<>();
        for (Map.Entry<Long, String> document : hostile.entrySet()) {
            String[] state = states.getOrDefault(document.getKey(), new String[] {"UNKNOWN", ""});
            byReason.computeIfAbsent(state[0] + "  " + normalised(state[1]), k -> new ArrayList<>())
                    .add(document.getValue());
        }
        byReason.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5d  %s%s%n", e.getValue().size(), e.getKey(),
                        e.getValue().size() <= 3 ? "   e.g. " + e.getValue() : "   e.g. " + e.getValue().get(0)));
        Long peak = gcLog != null ? peakFromGcLog(gcLog) : null;
        System.out.printf("peak heap:               %s%s%n", megabytes(peak != null ? peak : monitor.peakBytes.get()),
                gcLog != null ? " (largest heap before a collection, from " + gcLog + ")"
                        : pidFile != null ? " (sampled with jcmd GC.heap_info every 3 s)" : " (not measured)");
        System.out.printf(Locale.ROOT, "normal documents:        %d of %d searchable, %.1f s from the first upload "
                + "to the last searchable = %.2f documents/s (uploaded at %.1f/s while the hostile ones were "
                + "processed)%n", searchable, normalUploaded, normalSeconds, searchable / normalSeconds, normalRate);
        System.out.printf(Locale.ROOT, "normal upload→searchable: p50 %.1f s, p95 %.1f s, max %.1f s%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100));
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private long upload(String fileName, byte[] content, String department, String title) throws Exception {
        // the names as the corpus has them, but nothing that would end the header line or its quoted string
        MultipartBody body = MultipartBody.withRandomBoundary().field("department", department)
                .field("title", title.replaceAll("[\\r\\n]", " "));
        HttpResponse<byte[]> r = send(api.request("/api/documents").header("Content-Type", body.contentType())
                .POST(body.publisher("file", fileName.replaceAll("[\"\\r\\n]", "_"), content)), 5);
        if (r == null) {
            return -1;
        }
        uploadAnswers.computeIfAbsent(Integer.toString(r.statusCode()), k -> new AtomicInteger()).incrementAndGet();
        if (r.statusCode() != 201) {
            if (r.statusCode() >= 500) {
                System.err.println("upload " + fileName + ": " + r.statusCode() + " " + text(r));
            }
            return -1;
        }
        return json(r).path("id").asLong(-1);
    }

    /** Status and reason of a document, or null while it cannot be had. */
    private String[] state(long id) throws Exception {
        HttpResponse<byte[]> r = send(api.request("/api/documents/" + id).GET(), 1);
        if (r == null || r.statusCode() != 200) {
            return null;
        }
        JsonNode document = json(r);
        return new String[] {document.path("status").asText("UNKNOWN"), document.path("statusReason").asText("")};
    }

    /** Ids found by searching {@code q}, every page of 200. */
    private List<Long> searchable(String q) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            HttpResponse<byte[]> r = send(api.request("/api/search?size=200&page=" + page
                    + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).GET(), 1);
            if (r == null || r.statusCode() != 200) {
                break;
            }
            int before = ids.size();
            for (JsonNode item : json(r).path("items")) {
                if (item.path("documentId").isNumber()) {
                    ids.add(item.path("documentId").asLong());
                }
            }
            if (ids.size() - before < 200) {
                break;
            }
        }
        return ids;
    }

    /** The answer as JSON; one that is none (an error page from a proxy, say) reads as empty. */
    private JsonNode json(HttpResponse<byte[]> answer) {
        try {
            return api.json(answer);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Sends with retries on I/O errors (a server restarting); counts 5xx answers and requests never answered. */
    private HttpResponse<byte[]> send(HttpRequest.Builder request, int attempts) throws InterruptedException {
        HttpRequest built = request.timeout(Duration.ofMinutes(2)).build();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<byte[]> r = api.send(built);
                if (r.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                }
                return r;
            } catch (IOException e) {
                Thread.sleep(2000L * attempt);
            }
        }
        noAnswer.incrementAndGet();
        return null;
    }

    // ---- watching the server -----------------------------------------------------------------------------------

    /** Polls health every 3 s, checks the process is alive and samples its heap with jcmd. */
    private final class Monitor implements Runnable {

        private final Path pidFile;
        private final boolean sampleHeap;
        private final AtomicLong peakBytes = new AtomicLong();
        private final Map<String, AtomicInteger> health = new ConcurrentHashMap<>();
        private final AtomicInteger healthTimeouts = new AtomicInteger();
        private final java.util.Set<String> reasons = Collections.synchronizedSet(new java.util.TreeSet<>());
        private volatile boolean running = true;
        private volatile boolean everDead;

        Monitor(Path pidFile, boolean sampleHeap) {
            this.pidFile = pidFile;
            this.sampleHeap = sampleHeap;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    HttpResponse<byte[]> r = api.send(HttpRequest.newBuilder(api.uri("/api/health"))
                            .timeout(Duration.ofSeconds(10)).build());
                    JsonNode answer = json(r);
                    health.computeIfAbsent(r.statusCode() + " " + answer.path("status").asText("?"),
                            k -> new AtomicInteger()).incrementAndGet();
                    JsonNode reasonList = answer.path("reasons");
                    if (reasonList.isObject() && !reasonList.isEmpty()) {
                        String fields = reasonList.toString();
                        reasons.add(normalised(fields.substring(1, fields.length() - 1)));
                    }
                } catch (IOException e) {
                    healthTimeouts.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                Long pid = pid();
                if (pid != null) {
                    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                    everDead |= !alive;
                    if (alive && sampleHeap) {
                        peakBytes.accumulateAndGet(heapUsed(pid), Math::max);
                    }
                }
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private Long pid() {
            try {
                return pidFile == null || !Files.exists(pidFile) ? null
                        : Long.parseLong(Files.readString(pidFile).strip());
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }
    }

    private static long heapUsed(long pid) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(10, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(2)) * 1024 : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The largest heap occupancy before a collection, from a {@code -Xlog:gc} file: "…Pause Young … 812M->95M(2048M)". */
    static Long peakFromGcLog(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        if (Files.isDirectory(gcLog)) {
            // one file per server process (-Xlog:gc:file=gc-%p.log): a restarted server writes a new one
            try (Stream<Path> logs = Files.list(gcLog)) {
                for (Path log : logs.filter(p -> p.getFileName().toString().matches("gc.*\\.log")).toList()) {
                    lines.addAll(Files.readAllLines(log));
                }
            }
        } else {
            lines.addAll(Files.readAllLines(gcLog));
        }
        Pattern before = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long peak = 0;
        for (String line : lines) {
            Matcher m = before.matcher(line);
            while (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak * 1024 * 1024;
    }

    private static String megabytes(long bytes) {
        return bytes <= 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    /** A reason without its numbers, incident ids and quoted details, so that alike failures group together. */
    static String normalised(String reason) {
        String r = reason.replaceAll("\\\\u[0-9a-fA-F]{4}", "'").replaceAll("\\p{Cntrl}", "'")
                .replaceAll("\\\\\"", "'").replace('"', '\'')
                .replaceAll("incident [A-Z0-9-]+", "incident …").replaceAll("\\d[\\d,.]*", "#");
        return r.length() > 150 ? r.substring(0, 150) + "…" : r;
    }

    // ---- normal documents --------------------------------------------------------------------------------------

    private static final String[] WORDS = {"Baugenehmigung", "Bauantrag", "Lageplan", "Widerspruch", "Bescheid",
            "Gewerbeanmeldung", "Sondernutzung", "Grundstück", "Flurstück", "Gemarkung", "Abwasser", "Gebühren",
            "Anhörung", "Stellungnahme", "Nachforderung", "Baulast", "Denkmalschutz", "Brandschutz", "Stellplatz"};

    /** A one-page born-digital PDF like the ingest bench's. */
    static byte[] normalPdf(String marker, int n) {
        Random random = new Random(n);
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 50 780 Td 14 TL\n(Vorgang " + marker + " Nummer " + n
                + ") '\n");
        for (int l = 0; l < 30; l++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 9; w++) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            content.append('(').append(line.toString().strip()).append(") '\n");
        }
        content.append("ET");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        offsets.add(out.size());
        out.writeBytes(("5 0 obj\n<< /Length " + stream.length + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(stream);
        out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        out.writeBytes((table + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static Path pathArg(String[] args, String name) {
        String value = arg(args, name, null);
        return value == null ? null : Path.of(value);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
