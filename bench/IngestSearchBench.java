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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Against a running Akte: ingests N born-digital PDFs through the API, waits until they are
 * searchable, then runs M searches. Prints documents/s (accepted, and until searchable) and
 * search p50/p99 in milliseconds.
 *
 * java -cp dms-ingest/target/akte.jar bench/IngestSearchBench.java [--url http://127.0.0.1:8080] [--user admin]
 *      [--password …] [--docs 1000] [--searches 500] [--threads 8] [--search-threads 1] [--department BENCH]
 *      [--clamd unix:/run/clamav/clamd.ctl [--clamd-pid PID] [--scan-only]] [--help]
 * (or {@code bench/run IngestSearchBench …}). The password may also come from AKTE_PASSWORD. The bench talks to the
 * server through the command-line client's HTTP client, hence the client's jar on the class path. The server's
 * malware scanning (from /api/health) is printed with the figures. With --clamd, the same documents are first sent
 * to that clamd alone (INSTREAM, one at a time) and the scan's cost per document is printed (wall time, and with
 * --clamd-pid the CPU time clamd spent, from /proc, which a loaded machine does not inflate); with --scan-only
 * nothing is sent to the server.
 */
public class IngestSearchBench {

    static final String USAGE = """
            usage: java -cp dms-ingest/target/akte.jar bench/IngestSearchBench.java [options]
                   (or: bench/run IngestSearchBench [options])
              --url URL             Akte base URL (default http://127.0.0.1:8080)
              --user NAME           user for HTTP Basic (default admin)
              --password PW         password (or set AKTE_PASSWORD)
              --docs N              born-digital PDFs to ingest (default 1000)
              --searches N          searches to run afterwards (default 500)
              --threads N           parallel uploads (default 8)
              --search-threads N    parallel searches (default 1)
              --department CODE     department for the uploads, created if missing (default bench)
              --clamd ADDRESS       first stream the documents to this clamd alone (unix:/path or host:port)
              --clamd-pid PID       with --clamd: also measure clamd's CPU time from /proc
              --scan-only           with --clamd: send nothing to the server
              --help                this text
            """;

    private static final String[] WORDS = {"Baugenehmigung", "Bauantrag", "Lageplan", "Widerspruch", "Bescheid",
            "Gewerbeanmeldung", "Sondernutzung", "Straße", "Grundstück", "Flurstück", "Gemarkung", "Abwasser",
            "Gebühren", "Ordnungswidrigkeit", "Anhörung", "Stellungnahme", "Nachforderung", "Baulast",
            "Denkmalschutz", "Brandschutz", "Stellplatz", "Zufahrt", "Nachbar", "Einwendung", "Frist",
            "Zustellung", "Vollmacht", "Antragsteller", "Bevollmächtigter", "Verwaltungsgebühr"};

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        String url = arg(args, "--url", "http://127.0.0.1:8080");
        String user = arg(args, "--user", "admin");
        String password = arg(args, "--password", System.getenv("AKTE_PASSWORD"));
        int docs = Integer.parseInt(arg(args, "--docs", "1000"));
        int searches = Integer.parseInt(arg(args, "--searches", "500"));
        int threads = Integer.parseInt(arg(args, "--threads", "8"));
        int searchThreads = Integer.parseInt(arg(args, "--search-threads", "1"));
        String department = arg(args, "--department", "bench");
        String clamd = arg(args, "--clamd", null);
        if (clamd != null) {
            scanCost(clamd, docs, arg(args, "--clamd-pid", null));
            if (List.of(args).contains("--scan-only")) {
                return;
            }
        }
        if (password == null) {
            System.err.println("give --password or set AKTE_PASSWORD");
            System.exit(2);
        }
        ApiClient basic = new ApiClient(new ServerConnection(URI.create(url), user, password));
        send(basic.postJson("/api/departments", basic.object().put("code", department).put("name", "Benchmark")),
                basic);
        // only these two requests carry the password; every other one the API token
        ApiClient api = basic.withToken(token(basic, send(basic.request("/api/auth/token")
                .POST(HttpRequest.BodyPublishers.noBody()), basic)));
        String marker = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long before = total(api, marker);

        JsonNode scan = json(api, send(HttpRequest.newBuilder(api.uri("/api/health")).GET(), api)).path("malwareScan");
        System.out.println("server's malware scanning: " + (scan.isObject() ? scan.toString() : "not reported"));
        System.out.printf("ingesting %d PDFs with %d threads (marker %s)%n", docs, threads, marker);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < docs; i++) {
            int n = i;
            results.add(pool.submit(() -> upload(api, department, n, marker)));
        }
        int failed = 0;
        for (Future<Integer> f : results) {
            if (f.get() != 201) {
                failed++;
            }
        }
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        long searchable;
        do {
            Thread.sleep(200);
            searchable = total(api, marker) - before;
        } while (searchable < docs - failed && (System.nanoTime() - start) / 1e9 < 3600);
        double searchableSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("accepted:   %d documents in %.1f s = %.1f documents/s (%d failed)%n", docs - failed,
                acceptSeconds, (docs - failed) / acceptSeconds, failed);
        System.out.printf("searchable: %d documents in %.1f s = %.1f documents/s%n", searchable, searchableSeconds,
                searchable / searchableSeconds);

        Random random = new Random(42);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        pool.shutdown();
        ExecutorService searchers = Executors.newFixedThreadPool(searchThreads);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            String q = WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : "");
            runs.add(searchers.submit(() -> {
                long t = System.nanoTime();
                send(api.request("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).GET(), api);
                millis.add((System.nanoTime() - t) / 1e6);
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        searchers.shutdown();
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long indexed = total(api, "");
        System.out.printf("search:     %d queries over %d visible documents, p50 %.1f ms, p99 %.1f ms (%d threads)%n",
                sorted.size(), indexed, percentile(sorted, 50), percentile(sorted, 99), searchThreads);
    }

    /** The n-th benchmark document: a one-page born-digital letter of about 270 words. */
    private static byte[] document(int n, String marker) {
        Random random = new Random(n);
        List<String> lines = new ArrayList<>();
        lines.add("Vorgang " + marker + " Nummer " + n);
        for (int l = 0; l < 30; l++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 9; w++) {
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            lines.add(line.toString().strip());
        }
        return pdf(lines);
    }

    /**
     * What scanning adds per document: the same documents streamed to clamd with zINSTREAM, one after the other on a
     * fresh connection each (as the server does), timed from connect to answer.
     */
    private static void scanCost(String clamd, int docs, String pid) throws Exception {
        List<Double> millis = new ArrayList<>();
        int warmup = Math.min(50, docs);
        double cpuBefore = 0;
        for (int i = -warmup; i < docs; i++) {
            if (i == 0 && pid != null) {
                cpuBefore = cpuSeconds(pid);
            }
            byte[] pdf = document(Math.abs(i), "scan");
            long t = System.nanoTime();
            String answer = instream(clamd, pdf);
            if (i >= 0) {
                millis.add((System.nanoTime() - t) / 1e6);
            }
            if (!answer.endsWith("OK")) {
                throw new IllegalStateException("clamd answered " + answer);
            }
        }
        Collections.sort(millis);
        double sum = millis.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("clamd scan: %d documents (%d bytes each on average), mean %.2f ms, p50 %.2f ms, "
                + "p99 %.2f ms per document = %.0f documents/s on one connection%n", docs,
                document(0, "scan").length, sum / docs, percentile(millis, 50), percentile(millis, 99),
                docs / (sum / 1000));
        if (pid != null) {
            double cpu = cpuSeconds(pid) - cpuBefore;
            System.out.printf("clamd CPU:  %.2f ms per document (%.0f documents/s per core)%n", cpu * 1000 / docs,
                    docs / cpu);
        }
    }

    // user + system time of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s)
    private static double cpuSeconds(String pid) throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String instream(String clamd, byte[] content) throws IOException {
        java.net.SocketAddress address;
        java.nio.channels.SocketChannel channel;
        if (clamd.startsWith("unix:")) {
            address = java.net.UnixDomainSocketAddress.of(clamd.substring(5));
            channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        } else {
            int colon = clamd.lastIndexOf(':');
            address = new java.net.InetSocketAddress(clamd.substring(0, colon), Integer.parseInt(clamd.substring(colon + 1)));
            channel = java.nio.channels.SocketChannel.open();
        }
        try (channel) {
            channel.connect(address);
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(10 + 4 + content.length + 4);
            out.put("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)).putInt(content.length).put(content).putInt(0)
                    .flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(256);
            while (channel.read(in) > 0) {
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (b == 0) {
                        return reply.toString(StandardCharsets.UTF_8);
                    }
                    reply.write(b);
                }
                in.clear();
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }

    private static int upload(ApiClient api, String department, int n, String marker) throws Exception {
        MultipartBody body = MultipartBody.withRandomBoundary().field("department", department).field("title",
                "Bench " + n);
        HttpResponse<byte[]> r = send(api.request("/api/documents").header("Content-Type", body.contentType())
                .POST(body.publisher("file", "bench-" + n + ".pdf", document(n, marker))), api);
        if (r.statusCode() != 201) {
            System.err.println("upload " + n + ": " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.statusCode();
    }

    /** A one-page PDF with a real text layer (Helvetica, WinAnsi), built by hand to keep the bench dependency-free. */
    static byte[] pdf(List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 50 780 Td 14 TL\n");
        for (String line : lines) {
            content.append('(').append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") '\n");
        }
        content.append("ET");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        offsets.add(out.size());
        write(out, "5 0 obj\n<< /Length " + stream.length + " >>\nstream\n");
        out.writeBytes(stream);
        write(out, "\nendstream\nendobj\n");
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static long total(ApiClient api, String q) throws Exception {
        return json(api, send(api.request("/api/search?size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .GET(), api)).path("total").asLong(0);
    }

    private static String token(ApiClient api, HttpResponse<byte[]> answer) {
        String token = json(api, answer).path("token").asText(null);
        if (token == null) {
            throw new IllegalStateException("no token: " + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return token;
    }

    /** The answer as JSON; an answer that is none (an error page) reads as empty. */
    private static JsonNode json(ApiClient api, HttpResponse<byte[]> answer) {
        try {
            return api.json(answer);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request, ApiClient api) throws Exception {
        return api.send(request.timeout(Duration.ofMinutes(2)).build());
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
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
