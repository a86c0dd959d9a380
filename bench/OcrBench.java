import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.akte.ingest.cli.ApiClient;
import de.akte.ingest.cli.MultipartBody;
import de.akte.ingest.cli.ServerConnection;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * OCR throughput and quality of Akte against plain Tesseract, on the same generated scans.
 *
 * <p>Generates N distinct A4 pages (300 dpi, 8-bit grey PNG) of a German business letter with known
 * text, then
 * <ol>
 * <li>baseline: runs the Tesseract CLI on every page, one single-threaded process per core, and
 *     measures pages/minute and word error rate (WER);</li>
 * <li>pipeline: uploads the same pages to a running Akte, waits until each one is READY and found by
 *     searching for its unique token, and measures pages/minute from first upload to searchable, and
 *     the WER of the text the server recognised ({@code GET /api/documents/{id}/text}).</li>
 * </ol>
 * The baseline runs first so the two never compete for the CPU.
 *
 * <pre>
 * java -cp dms-ingest/target/akte.jar bench/OcrBench.java [--url http://127.0.0.1:8080] [--user admin]
 *      [--password …] [--pages 60] [--department CODE] [--upload-threads 2] [--poll-ms 200] [--timeout-min 60]
 *      [--search-grace-s 60] [--seed 42] [--tesseract tesseract] [--skip-baseline] [--skip-pipeline] [--keep]
 *      [--self-test] [--help]
 * </pre>
 * The password may also come from AKTE_PASSWORD. {@code bench/run OcrBench …} does the same; the command-line
 * client's jar ({@code mvn -pl dms-ingest -am package}) brings the HTTP client and JSON library the bench talks
 * to the server with.
 */
public class OcrBench {

    static final String USAGE = """
            usage: java -cp dms-ingest/target/akte.jar bench/OcrBench.java [options]
                   (or: bench/run OcrBench [options])
              --url URL            Akte base URL (default http://127.0.0.1:8080)
              --user NAME          user for HTTP Basic (default admin)
              --password PW        password (or set AKTE_PASSWORD); needed unless --skip-pipeline
              --pages N            number of generated pages (default 60)
              --department CODE    department for the uploads (created if missing); default none
              --upload-threads N   parallel uploads (default 2)
              --poll-ms MS         status/search polling interval (default 200)
              --timeout-min M      give up waiting for the pipeline after M minutes (default 60)
              --search-grace-s S   how long a READY page may stay unfindable before it counts as
                                   not searchable, e.g. because its token was misread (default 60)
              --seed N             seed for the letter texts, skew and noise (default 42)
              --upside-down-every N  turn every Nth page upside down (default 0: all upright); the
                                   pipeline reads pages as upright first and pays a second pass for these
              --tesseract PATH     Tesseract binary for the baseline (default tesseract)
              --skip-baseline      only run the pipeline
              --import-cli JAR     send the pages as one batch with the command-line client (akte.jar import)
                                   instead of one upload each, and time until the batch is COMPLETED
              --skip-pipeline      only run the baseline (no server needed)
              --keep               keep the generated pages and Tesseract output
              --self-test          check the WER computation, the reading of the server's answers and the page
                                   generator, then exit
              --help               this text
            """;

    /** 11 pt at 300 dpi. */
    static final int FONT_PX = 46;
    static final int PAGE_WIDTH = 2480;
    static final int PAGE_HEIGHT = 3508;
    static final int DPI = 300;

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Options options = Options.parse(args);
        if (options.flag("--help")) {
            System.out.print(USAGE);
            return;
        }
        if (options.flag("--self-test")) {
            SelfTest.run();
            return;
        }
        new OcrBench(options).run();
    }

    private final Options options;
    private final int pageCount;
    private final int cores = Runtime.getRuntime().availableProcessors();

    OcrBench(Options options) {
        this.options = options;
        this.pageCount = options.integer("--pages", 60);
    }

    void run() throws Exception {
        boolean baseline = !options.flag("--skip-baseline");
        boolean pipeline = !options.flag("--skip-pipeline");
        AkteClient client = null;
        if (pipeline) {
            // fail before the (long) baseline, not after it
            client = AkteClient.connect(options);
            client.warnUnlessHealthy();
        }
        Path dir = Files.createTempDirectory("ocrbench-");
        try {
            long t = System.nanoTime();
            List<Page> pages = new PageGenerator(options.integer("--seed", 42), dir,
                    options.integer("--upside-down-every", 0)).generate(pageCount, cores);
            System.out.printf("generated %d pages in %.1f s under %s%n", pages.size(), seconds(t), dir);

            Result baselineResult = baseline ? new Baseline(options.text("--tesseract", "tesseract"), cores).run(pages) : null;
            String cliJar = options.text("--import-cli", null);
            Result pipelineResult = !pipeline ? null : cliJar != null
                    ? new CliImport(client, options, Path.of(cliJar)).run(pages, dir)
                    : new Pipeline(client, options).run(pages);
            report(pages.size(), baselineResult, pipelineResult);
        } finally {
            if (options.flag("--keep")) {
                System.out.println("kept the pages and outputs in " + dir);
            } else {
                deleteRecursively(dir);
            }
        }
    }

    private void report(int pages, Result baseline, Result pipeline) {
        System.out.println();
        System.out.printf("OCR benchmark: %d pages (A4, %d dpi, 8-bit grey PNG), %d cores%n", pages, DPI, cores);
        System.out.printf("%-34s %10s %12s %14s%n", "", "pages/min", "WER (mean)", "WER (pooled)");
        if (baseline != null) {
            baseline.printRow("baseline: tesseract CLI, " + cores + " procs");
        }
        if (pipeline != null) {
            pipeline.printRow(pipeline.name().equals("import") ? "import: CLI batch → completed" : "pipeline: upload → searchable");
        }
        if (baseline != null && pipeline != null && baseline.pagesPerMinute() > 0) {
            double ratio = 100 * pipeline.pagesPerMinute() / baseline.pagesPerMinute();
            System.out.printf("pipeline / baseline throughput: %.1f %% (target ≥ 90 %%: %s)%n", ratio,
                    ratio >= 90 ? "met" : "NOT met");
            System.out.printf("WER difference pipeline − baseline: %+.2f percentage points%n",
                    100 * (pipeline.meanWer() - baseline.meanWer()));
        }
        for (Result r : Stream.of(baseline, pipeline).filter(r -> r != null).toList()) {
            r.problems().forEach(p -> System.out.println(r.name() + ": " + p));
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Command line

    /** The command line: {@code --name value} pairs and bare flags, unknown names rejected. */
    record Options(Map<String, String> values) {

        private static final Set<String> FLAGS = Set.of("--skip-baseline", "--skip-pipeline", "--keep", "--help",
                "--self-test");
        private static final Set<String> VALUED = Set.of("--url", "--user", "--password", "--pages", "--department",
                "--upload-threads", "--poll-ms", "--timeout-min", "--search-grace-s", "--seed", "--tesseract", "--import-cli",
                "--upside-down-every");

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (FLAGS.contains(args[i])) {
                    values.put(args[i], "true");
                } else if (VALUED.contains(args[i]) && i + 1 < args.length) {
                    values.put(args[i], args[++i]);
                } else {
                    System.err.println("unknown or incomplete option: " + args[i]);
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
            return new Options(values);
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        String text(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Pages

    /**
     * One generated scan: its file, its unique search token, the series token every page of the run carries
     * (one search for it tells how many pages are searchable) and the text lines drawn on it.
     */
    record Page(int number, Path png, String token, String series, List<String> lines) {

        String groundTruth() {
            return String.join("\n", lines);
        }
    }

    /**
     * Renders German business letters as 300 dpi grey scans. The texts, skew and noise follow the seed
     * (so runs are comparable); the tokens are random per run, so a second run against the same server
     * never finds the documents of the first.
     */
    static final class PageGenerator {

        private static final String[] VOCABULARY = {"Antrag", "Bescheid", "Grundstück", "Straße", "Maßnahme",
                "Prüfung", "Bürger", "Öffnungszeiten", "Übersicht", "Behörde", "Schließung", "Frühjahr", "Gewässer",
                "Baumfällung", "Ausnahmegenehmigung", "Zuschuss", "Stellungnahme", "Gebührenbescheid", "Änderung",
                "Gemeinderat", "Außenbereich", "Fläche", "Nutzungsänderung", "Unterlagen", "Frist", "Größe",
                "Gebäude", "Eigentümer", "Zustimmung", "Einwände", "Anhörung", "Erschließung", "Gehweg", "Müllabfuhr",
                "Grünfläche", "Spielplatz", "Bußgeld", "Förderung", "Widerspruch", "Verfügung", "Schulweg",
                "über", "gemäß", "für", "größere", "zuständige", "müssen", "können", "während", "außerdem",
                "bezüglich", "bitten", "Ihnen", "Ihre", "wir", "die", "der", "das", "und", "mit", "nach", "bis",
                "zum", "zur", "vom", "dass", "nicht", "bereits", "gegenüber", "später", "schließlich", "künftig",
                "geprüft", "erteilt", "beigefügt", "veröffentlicht", "geändert", "übermittelt", "gewährt",
                "ordnungsgemäß", "fristgemäß", "vollständig", "öffentlichen", "städtischen", "schriftlich"};
        private static final String[] SUBJECTS = {"Ihr Antrag auf Ausnahmegenehmigung", "Gebührenbescheid für die Müllabfuhr",
                "Anhörung zur geplanten Baumfällung", "Nutzungsänderung des Grundstücks", "Förderung der Außenfassade",
                "Widerspruch gegen den Bescheid", "Sondernutzung der öffentlichen Straße", "Schließung des Spielplatzes"};
        private static final String[] WOMEN = {"Erika", "Käthe", "Anneliese", "Bärbel", "Hildegard"};
        private static final String[] MEN = {"Jürgen", "Sören", "Björn", "Günther", "Jörg"};
        private static final String[] LAST_NAMES = {"Müller", "Weiß", "Schröder", "Köhler", "Groß", "Fuß",
                "Krämer", "Böhm", "Schäfer", "Voß"};
        private static final String[] STREETS = {"Lindenstraße", "Schloßallee", "Mühlenweg", "Königsplatz",
                "Bahnhofstraße", "Gänseweide", "Hößlinstraße", "Brückenstraße"};
        private static final String[] TOWNS = {"Beispielheim", "Musterstadt", "Übungsdorf", "Großmusterau", "Neuß am Berg"};
        // none of the pairs Tesseract confused in trials (0/O/Q, 1/I/J/L/T, 2/Z, 4/A, 5/S, 6/G, 8/B, E/F):
        // a misread token leaves a page unfindable, which the bench would count against the pipeline
        private static final String TOKEN_LETTERS = "CDHKMNPRUVWXY";
        private static final String TOKEN_DIGITS = "3679";
        private static final int MARGIN = 295; // 25 mm
        private static final int LINE_PITCH = 66; // 1.4 × font size

        private final int seed;
        private final int upsideDownEvery;
        private final Path dir;
        private final Random tokenRandom = new SecureRandom();
        private final String series = token();

        PageGenerator(int seed, Path dir, int upsideDownEvery) {
            this.seed = seed;
            this.upsideDownEvery = upsideDownEvery;
            this.dir = dir;
        }

        List<Page> generate(int count, int threads) throws Exception {
            List<String> tokens = uniqueTokens(count);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Page>> futures = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int number = i + 1;
                    futures.add(pool.submit(() -> page(number, tokens.get(number - 1))));
                }
                List<Page> pages = new ArrayList<>();
                for (Future<Page> f : futures) {
                    pages.add(f.get());
                }
                return pages;
            } finally {
                pool.shutdown();
            }
        }

        Page page(int number, String token) throws IOException {
            Random random = new Random(seed * 100_003L + number);
            List<Line> layout = letter(random, token);
            BufferedImage image = render(layout, random);
            if (upsideDownEvery > 0 && number % upsideDownEvery == 0) {
                image = upsideDown(image);
            }
            Path png = dir.resolve(String.format("page-%03d.png", number));
            writePng(image, png);
            List<String> lines = layout.stream().map(Line::text).filter(s -> !s.isEmpty()).toList();
            // beside the scan, for looking at the errors with --keep
            Files.writeString(dir.resolve(String.format("page-%03d.gt.txt", number)), String.join("\n", lines) + "\n");
            return new Page(number, png, token, series, lines);
        }

        private static BufferedImage upsideDown(BufferedImage image) {
            BufferedImage turned = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
            Graphics2D g = turned.createGraphics();
            g.rotate(Math.PI, image.getWidth() / 2.0, image.getHeight() / 2.0);
            g.drawImage(image, 0, 0, null);
            g.dispose();
            return turned;
        }

        private List<String> uniqueTokens(int count) {
            Set<String> tokens = new HashSet<>();
            while (tokens.size() < count) {
                tokens.add(token());
            }
            return new ArrayList<>(tokens);
        }

        /**
         * Three letters then four digits ("KWR3796"): one word that is surely not German. Letters and digits
         * in blocks, not alternating, because Tesseract misread alternating ones ("C9C9Y3" as "CICIY3").
         */
        private String token() {
            StringBuilder token = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                String from = i < 3 ? TOKEN_LETTERS : TOKEN_DIGITS;
                token.append(from.charAt(tokenRandom.nextInt(from.length())));
            }
            return token.toString();
        }

        /** A line of the letter; an empty text is a blank line. */
        record Line(String text, boolean heading) {
        }

        private List<Line> letter(Random random, String token) {
            Font font = new Font(Font.SERIF, Font.PLAIN, FONT_PX);
            FontMetrics metrics = metrics(font);
            boolean woman = random.nextBoolean();
            String first = pick(random, woman ? WOMEN : MEN);
            String last = pick(random, LAST_NAMES);
            List<Line> lines = new ArrayList<>();
            lines.add(new Line("Stadtverwaltung Musterstadt", true));
            text(lines, "Bauordnungsamt, Rathausplatz 1, 12345 Musterstadt", "");
            text(lines, (woman ? "Frau " : "Herrn ") + first + " " + last,
                    pick(random, STREETS) + " " + (1 + random.nextInt(120)),
                    (10000 + random.nextInt(89999)) + " " + pick(random, TOWNS), "");
            text(lines, "Musterstadt, den 27.11.2026", "Aktenzeichen: 32-41/2025", "Prüfnummer " + token + " Serie " + series, "");
            text(lines, "Betreff: " + pick(random, SUBJECTS) + " vom " + (1 + random.nextInt(28)) + ".10.2026", "");
            text(lines, (woman ? "Sehr geehrte Frau " : "Sehr geehrter Herr ") + last + ",", "");
            int width = PAGE_WIDTH - 2 * MARGIN;
            wrap(paragraph(random), metrics, width, 8).forEach(l -> text(lines, l));
            text(lines, "");
            wrap(paragraph(random), metrics, width, 7).forEach(l -> text(lines, l));
            text(lines, "", "Mit freundlichen Grüßen", "Im Auftrag", pick(random, random.nextBoolean() ? WOMEN : MEN) + " " + pick(random, LAST_NAMES));
            return lines;
        }

        private static void text(List<Line> lines, String... texts) {
            for (String t : texts) {
                lines.add(new Line(t, false));
            }
        }

        /** Enough sentences for a paragraph; each sentence starts upper case and ends with a full stop. */
        private static String paragraph(Random random) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 14; s++) {
                int words = 6 + random.nextInt(8);
                for (int w = 0; w < words; w++) {
                    String word = pick(random, VOCABULARY);
                    text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                    text.append(w == words - 1 ? ". " : random.nextInt(9) == 0 ? ", " : " ");
                }
            }
            return text.toString();
        }

        /** The first {@code maxLines} lines of {@code text} broken at spaces to fit {@code width} pixels. */
        private static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (metrics.stringWidth(candidate) > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    if (lines.size() == maxLines) {
                        return lines;
                    }
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines.subList(0, Math.min(maxLines, lines.size()));
        }

        private static BufferedImage render(List<Line> layout, Random random) {
            BufferedImage image = new BufferedImage(PAGE_WIDTH, PAGE_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PAGE_WIDTH, PAGE_HEIGHT);
            // a sheet never lies perfectly straight on the scanner
            double skewDegrees = (random.nextDouble() * 2 - 1) * 0.8;
            g.rotate(Math.toRadians(skewDegrees), PAGE_WIDTH / 2.0, PAGE_HEIGHT / 2.0);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            Font body = new Font(Font.SERIF, Font.PLAIN, FONT_PX);
            Font heading = new Font(Font.SERIF, Font.BOLD, 64);
            int y = MARGIN;
            for (Line line : layout) {
                g.setFont(line.heading() ? heading : body);
                y += line.heading() ? 90 : LINE_PITCH;
                g.drawString(line.text(), MARGIN, y);
            }
            g.dispose();
            saltAndPepper(image, random, 0.002);
            return image;
        }

        /** Scanner dust: a fraction of the pixels turned black or white at random. */
        private static void saltAndPepper(BufferedImage image, Random random, double fraction) {
            WritableRaster raster = image.getRaster();
            long count = Math.round((long) image.getWidth() * image.getHeight() * fraction);
            for (long i = 0; i < count; i++) {
                raster.setSample(random.nextInt(image.getWidth()), random.nextInt(image.getHeight()), 0,
                        random.nextBoolean() ? 0 : 255);
            }
        }

        /** PNG with a pHYs chunk, so Tesseract and the server see 300 dpi instead of guessing. */
        private static void writePng(BufferedImage image, Path file) throws IOException {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                String pixelsPerMeter = Long.toString(Math.round(DPI / 0.0254));
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMeter);
                phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMeter);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                root.appendChild(phys);
                metadata.mergeTree("javax_imageio_png_1.0", root);
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                writer.dispose();
            }
        }

        private static FontMetrics metrics(Font font) {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
            try {
                return g.getFontMetrics(font);
            } finally {
                g.dispose();
            }
        }

        private static String pick(Random random, String[] words) {
            return words[random.nextInt(words.length)];
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Word error rate

    /**
     * Word error rate: word-level Levenshtein distance (substitutions, insertions, deletions) divided by
     * the number of ground-truth words. Words are whitespace-separated after NFKC normalisation (so a
     * "ﬁ" ligature equals "fi"), with punctuation stripped from their edges only ("32-41/2025" stays one
     * word, "Grüßen," becomes "Grüßen"); case matters. Can exceed 1 when the hypothesis has extra words.
     */
    static final class Wer {

        private Wer() {
        }

        static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            for (String raw : Normalizer.normalize(text, Normalizer.Form.NFKC).split("\\s+")) {
                String word = stripEdges(raw);
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return words;
        }

        private static String stripEdges(String word) {
            int start = 0;
            int end = word.length();
            while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
                start++;
            }
            while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
                end--;
            }
            return word.substring(start, end);
        }

        static int distance(List<String> truth, List<String> hypothesis) {
            int[] previous = new int[hypothesis.size() + 1];
            int[] current = new int[hypothesis.size() + 1];
            for (int j = 0; j <= hypothesis.size(); j++) {
                previous[j] = j; // all insertions
            }
            for (int i = 1; i <= truth.size(); i++) {
                current[0] = i; // all deletions
                for (int j = 1; j <= hypothesis.size(); j++) {
                    int substitution = previous[j - 1] + (truth.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[hypothesis.size()];
        }
    }

    /** One page's recognition against its ground truth. */
    record Score(int errors, int truthWords) {

        static Score of(String truth, String hypothesis) {
            List<String> t = Wer.words(truth);
            return new Score(Wer.distance(t, Wer.words(hypothesis)), t.size());
        }

        double wer() {
            return truthWords == 0 ? (errors == 0 ? 0 : 1) : (double) errors / truthWords;
        }
    }

    /** What one contender achieved: throughput over the pages it finished, and WER over those it recognised. */
    record Result(String name, int pages, double seconds, List<Score> scores, List<String> problems) {

        double pagesPerMinute() {
            return seconds > 0 ? pages * 60 / seconds : 0;
        }

        /** WER averaged over pages, each page weighing the same. */
        double meanWer() {
            return scores.stream().mapToDouble(Score::wer).average().orElse(Double.NaN);
        }

        /** All errors over all ground-truth words: a long page weighs more. */
        double pooledWer() {
            int truth = scores.stream().mapToInt(Score::truthWords).sum();
            return truth == 0 ? Double.NaN : (double) scores.stream().mapToInt(Score::errors).sum() / truth;
        }

        void printRow(String label) {
            System.out.printf("%-34s %10.2f %11.2f %% %13.2f %%   (%d pages in %.1f s, WER over %d pages)%n", label,
                    pagesPerMinute(), 100 * meanWer(), 100 * pooledWer(), pages, seconds, scores.size());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Bulk import through the command-line client

    /**
     * The pages as scanning staff import them: the command-line client ({@code akte.jar import}) sends the folder
     * as one batch; the clock runs from its start until the server reports the batch COMPLETED (every file a
     * READY, searchable document). The text is scored as in the pipeline run.
     */
    static final class CliImport {
        private final AkteClient client;
        private final Options options;
        private final Path jar;

        CliImport(AkteClient client, Options options, Path jar) {
            this.client = client;
            this.options = options;
            this.jar = jar;
        }

        Result run(List<Page> pages, Path dir) throws Exception {
            String department = options.text("--department", null);
            if (department == null) {
                System.err.println("--import-cli needs --department CODE");
                System.exit(2);
            }
            client.ensureDepartment(department);
            Path folder = Files.createDirectories(dir.resolve("import"));
            for (Page page : pages) {
                Files.copy(page.png(), folder.resolve(page.png().getFileName()));
            }
            String key = "ocrbench-" + UUID.randomUUID().toString().substring(0, 8);
            System.out.printf("import: %d pages through %s as batch %s …%n", pages.size(), jar, key);
            long start = System.nanoTime();
            ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "import", folder.toString(), "--server", client.url(), "--user",
                    options.text("--user", "admin"), "--department", department, "--batch", key)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("import.log").toFile());
            cli.environment().put("AKTE_PASSWORD", options.text("--password", System.getenv("AKTE_PASSWORD")));
            int exit = cli.start().waitFor();
            double uploaded = seconds(start);
            long id = client.postJson("/api/imports", client.object().put("key", key).put("source", "bench"))
                    .path("id").asLong();
            JsonNode progress;
            do {
                Thread.sleep(500);
                progress = client.getJson("/api/imports/" + id).join();
            } while (!"COMPLETED".equals(progress.path("state").asText()) && seconds(start) < 3600);
            double total = seconds(start);
            List<String> problems = new ArrayList<>();
            if (exit != 0) {
                problems.add("the client exited with " + exit + "; see " + dir.resolve("import.log"));
            }
            System.out.printf("import: the client had sent everything after %.1f s; batch %d: %s%n", uploaded, id, progress);
            int done = progress.path("done").asInt();
            return new Result("import", done, total, List.of(), problems);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Baseline

    /** Plain Tesseract, the way one would batch it by hand: one single-threaded process per core. */
    static final class Baseline {

        private final String tesseract;
        private final int processes;

        Baseline(String tesseract, int processes) {
            this.tesseract = tesseract;
            this.processes = processes;
        }

        Result run(List<Page> pages) throws Exception {
            System.out.printf("baseline: %s on %d pages, %d processes in parallel …%n", tesseract, pages.size(), processes);
            ExecutorService pool = Executors.newFixedThreadPool(processes);
            long start = System.nanoTime();
            List<Future<String>> texts = new ArrayList<>();
            try {
                for (Page page : pages) {
                    texts.add(pool.submit(() -> recognise(page)));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> f : texts) {
                    results.add(f.get());
                }
                double seconds = seconds(start);
                return score(pages, results, seconds);
            } finally {
                pool.shutdown();
            }
        }

        private Result score(List<Page> pages, List<String> texts, double seconds) {
            List<Score> scores = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int recognised = 0;
            for (int i = 0; i < pages.size(); i++) {
                if (texts.get(i) == null) {
                    problems.add("page " + pages.get(i).number() + ": tesseract failed, see its .log file (--keep)");
                } else {
                    recognised++;
                    scores.add(Score.of(pages.get(i).groundTruth(), texts.get(i)));
                }
            }
            return new Result("baseline", recognised, seconds, scores, problems);
        }

        /** The recognised text, or null if Tesseract failed. */
        private String recognise(Page page) throws IOException, InterruptedException {
            String base = page.png().toString().replaceFirst("\\.png$", "");
            ProcessBuilder builder = new ProcessBuilder(tesseract, page.png().toString(), base,
                    "-l", "deu+eng", "--psm", "1")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of(base + ".log").toFile());
            // one thread per process: the processes already fill the cores, OpenMP on top would oversubscribe
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            int exit = builder.start().waitFor();
            Path txt = Path.of(base + ".txt");
            return exit == 0 && Files.exists(txt) ? Files.readString(txt) : null;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Pipeline

    /** Uploads the pages and waits until each is READY and found by its token. */
    static final class Pipeline {

        /** A page on the server, watched until it is searchable or given up. */
        static final class Tracked {
            final Page page;
            final long id;
            volatile String status = "";
            volatile long readyAt = -1;
            volatile long searchableAt = -1;
            volatile String problem;

            Tracked(Page page, long id) {
                this.page = page;
                this.id = id;
            }

            boolean resolved() {
                return searchableAt >= 0 || problem != null;
            }
        }

        private final AkteClient client;
        private final int uploadThreads;
        private final long pollMillis;
        private final long timeoutNanos;
        private final long graceNanos;
        private final String department;
        private final String runId = UUID.randomUUID().toString().substring(0, 8);

        Pipeline(AkteClient client, Options options) {
            this.client = client;
            this.uploadThreads = options.integer("--upload-threads", 2);
            this.pollMillis = options.integer("--poll-ms", 500);
            this.timeoutNanos = options.integer("--timeout-min", 60) * 60_000_000_000L;
            this.graceNanos = options.integer("--search-grace-s", 60) * 1_000_000_000L;
            this.department = options.text("--department", null);
        }

        Result run(List<Page> pages) throws Exception {
            client.warnUnlessHealthy();
            if (department != null) {
                client.ensureDepartment(department);
            }
            System.out.printf("pipeline: uploading %d pages with %d threads (run %s) …%n", pages.size(), uploadThreads, runId);
            List<String> problems = new ArrayList<>();
            List<Tracked> tracked = new ArrayList<>();
            ConcurrentLinkedQueue<Tracked> uploaded = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(uploadThreads);
            long start = System.nanoTime();
            List<Future<?>> uploads = new ArrayList<>();
            for (Page page : pages) {
                uploads.add(pool.submit(() -> {
                    uploaded.add(new Tracked(page, client.upload(page, "OCR-Bench " + runId + " Seite " + page.number(), department)));
                    return null;
                }));
            }
            pool.shutdown();
            waitUntilSearchable(start, uploads, uploaded, tracked);
            for (int i = 0; i < uploads.size(); i++) {
                try {
                    uploads.get(i).get();
                } catch (Exception e) {
                    problems.add("page " + pages.get(i).number() + ": upload failed: " + e.getCause().getMessage());
                }
            }
            long end = tracked.stream().mapToLong(t -> t.searchableAt).filter(at -> at >= 0).max().orElse(start);
            int searchable = (int) tracked.stream().filter(t -> t.searchableAt >= 0).count();
            tracked.stream().filter(t -> t.problem != null)
                    .forEach(t -> problems.add("page " + t.page.number() + " (document " + t.id + "): " + t.problem));
            if (searchable < pages.size()) {
                problems.add(searchable + " of " + pages.size() + " pages became searchable; pages/min counts only those");
            }
            return new Result("pipeline", searchable, (end - start) / 1e9, texts(tracked, problems), problems);
        }

        /**
         * Watches the outstanding documents until all are resolved or the time is up. Each round is one search for
         * the run's series token, whose hits are the pages already searchable: a client asking per document
         * would load the server it measures. Every few seconds the statuses of the rest are looked at, to catch
         * failures and pages whose series token OCR misread (those are then looked for by their own token).
         */
        private void waitUntilSearchable(long start, List<Future<?>> uploads, ConcurrentLinkedQueue<Tracked> uploaded,
                                         List<Tracked> tracked) throws InterruptedException {
            List<Tracked> outstanding = new ArrayList<>();
            long lastReport = System.nanoTime();
            long lastStatus = System.nanoTime();
            while (!(uploads.stream().allMatch(Future::isDone) && uploaded.isEmpty() && outstanding.isEmpty())) {
                long round = System.nanoTime();
                for (Tracked t; (t = uploaded.poll()) != null; ) {
                    tracked.add(t);
                    outstanding.add(t);
                }
                if (!outstanding.isEmpty()) {
                    markSearchable(outstanding);
                    if (round - lastStatus > STATUS_EVERY_NANOS) {
                        lastStatus = round;
                        pollOnce(outstanding);
                    }
                }
                outstanding.removeIf(Tracked::resolved);
                if (round - start > timeoutNanos) {
                    outstanding.forEach(t -> t.problem = "still " + t.status + " when the time was up");
                    break;
                }
                if (round - lastReport > 10_000_000_000L) {
                    lastReport = round;
                    System.out.printf("  %.0f s: %d searchable, %d outstanding%n", (round - start) / 1e9,
                            tracked.stream().filter(t -> t.searchableAt >= 0).count(), outstanding.size());
                }
                Thread.sleep(Math.max(0, pollMillis - (System.nanoTime() - round) / 1_000_000));
            }
        }

        private static final long STATUS_EVERY_NANOS = 5_000_000_000L;

        /** One search (page by page) for the series token; every outstanding document among the hits is searchable. */
        private void markSearchable(List<Tracked> outstanding) {
            String series = outstanding.get(0).page.series();
            Map<Long, Tracked> byId = new HashMap<>();
            outstanding.forEach(t -> byId.put(t.id, t));
            try {
                for (int page = 0; ; page++) {
                    JsonNode result = client.getJson("/api/search?size=100&page=" + page + "&q="
                            + URLEncoder.encode(series, StandardCharsets.UTF_8)).join();
                    JsonNode items = result.path("items");
                    long now = System.nanoTime();
                    for (JsonNode item : items) {
                        if (item.path("documentId").isNumber()) {
                            Tracked t = byId.get(item.path("documentId").asLong());
                            if (t != null && t.searchableAt < 0) {
                                t.searchableAt = now;
                            }
                        }
                    }
                    long total = result.path("total").asLong();
                    if (items.isEmpty() || (page + 1) * 100L >= total) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("  search for the series failed: " + e.getMessage());
            }
        }

        /**
         * The status of each outstanding document, concurrently, and for those READY long enough but not found by
         * the series a search for their own token. A failed request is only logged; the next round asks again.
         */
        private void pollOnce(List<Tracked> outstanding) {
            List<CompletableFuture<Void>> round = new ArrayList<>();
            for (Tracked t : outstanding) {
                round.add(client.getJson("/api/documents/" + t.id)
                        .thenCompose(doc -> {
                            t.status = doc.path("status").asText("null");
                            return afterStatus(t, doc);
                        })
                        .exceptionally(e -> {
                            System.err.println("  poll of document " + t.id + " failed: " + e.getMessage());
                            return null;
                        }));
            }
            CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).join();
        }

        private CompletableFuture<Void> afterStatus(Tracked t, JsonNode doc) {
            switch (t.status) {
                case "FAILED", "QUARANTINED" -> {
                    t.problem = t.status + ": " + doc.path("statusReason").asText("null");
                    return CompletableFuture.completedFuture(null);
                }
                case "READY" -> {
                    if (t.readyAt < 0) {
                        t.readyAt = System.nanoTime();
                        return CompletableFuture.completedFuture(null);
                    }
                    if (System.nanoTime() - t.readyAt < STATUS_EVERY_NANOS) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return client.getJson("/api/search?size=20&q=" + URLEncoder.encode(t.page.token(), StandardCharsets.UTF_8))
                            .thenAccept(result -> {
                                if (foundIn(result, t.id)) {
                                    t.searchableAt = System.nanoTime();
                                } else if (System.nanoTime() - t.readyAt > graceNanos) {
                                    t.problem = "READY but not found by its token " + t.page.token()
                                            + " (misread by OCR, or not indexed)";
                                }
                            });
                }
                default -> {
                    return CompletableFuture.completedFuture(null);
                }
            }
        }

        static boolean foundIn(JsonNode searchResult, long id) {
            for (JsonNode item : searchResult.path("items")) {
                if (item.path("documentId").isNumber() && item.path("documentId").asLong() == id) {
                    return true;
                }
            }
            return false;
        }

        /** The text of every page of {@code GET /api/documents/{id}/text}, a line break after each. */
        static String text(JsonNode documentText) {
            StringBuilder all = new StringBuilder();
            for (JsonNode page : documentText.path("pages")) {
                all.append(page.path("text").asText("null")).append('\n');
            }
            return all.toString();
        }

        /** Scores the server's text of every READY page; pages whose text cannot be had are reported. */
        private List<Score> texts(List<Tracked> tracked, List<String> problems) {
            List<Score> scores = new ArrayList<>();
            for (Tracked t : tracked) {
                if (!"READY".equals(t.status) && t.searchableAt < 0) {
                    continue;
                }
                try {
                    JsonNode answer = client.getJson("/api/documents/" + t.id + "/text").join();
                    scores.add(Score.of(t.page.groundTruth(), text(answer)));
                } catch (RuntimeException e) {
                    problems.add("page " + t.page.number() + " (document " + t.id + "): no text: " + e.getMessage());
                }
            }
            return scores;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // HTTP

    /**
     * The few Akte calls the bench needs, through the command-line client's {@link ApiClient} (HTTP Basic; the
     * server caches verified logins).
     */
    static final class AkteClient {

        private static final Duration TIMEOUT = Duration.ofMinutes(2);

        private final ApiClient api;

        private AkteClient(ApiClient api) {
            this.api = api;
        }

        static AkteClient connect(Options options) {
            String user = options.text("--user", "admin");
            String password = options.text("--password", System.getenv("AKTE_PASSWORD"));
            if (password == null) {
                System.err.println("give --password or set AKTE_PASSWORD (or run with --skip-pipeline)");
                System.exit(2);
            }
            URI url = URI.create(options.text("--url", "http://127.0.0.1:8080"));
            return new AkteClient(new ApiClient(new ServerConnection(url, user, password)));
        }

        /** A busy or broken server makes the figures meaningless, but the bench still runs; unreachable stops it. */
        void warnUnlessHealthy() throws InterruptedException {
            String url = url();
            try {
                HttpResponse<byte[]> r = api.send(HttpRequest.newBuilder(api.uri("/api/health"))
                        .timeout(Duration.ofSeconds(30)).GET().build());
                String status = r.statusCode() == 200 ? api.json(r).path("status").asText(null) : null;
                if (!"UP".equals(status)) {
                    System.err.println("WARNING: " + url + "/api/health is not UP (" + r.statusCode() + " "
                            + new String(r.body(), StandardCharsets.UTF_8) + ")");
                }
                System.out.println("server " + url + " is up; make sure it is otherwise idle (no processing backlog)");
            } catch (ConnectException e) {
                System.err.println("no server at " + url + " (start it, or run with --skip-pipeline)");
                System.exit(1);
            } catch (IOException | RuntimeException e) {
                System.err.println("WARNING: health check failed: " + e);
            }
        }

        void ensureDepartment(String code) throws IOException, InterruptedException {
            // 201 created, or 4xx because it exists: either way the uploads will tell if it is unusable
            api.send(api.postJson("/api/departments", object().put("code", code).put("name", "OCR-Benchmark"))
                    .timeout(TIMEOUT).build());
        }

        /** Uploads one page and returns the new document's id. */
        long upload(Page page, String title, String department) throws IOException, InterruptedException {
            MultipartBody body = MultipartBody.withRandomBoundary().field("title", title)
                    .field("department", department);
            HttpResponse<byte[]> r = api.send(api.request("/api/documents").timeout(TIMEOUT)
                    .header("Content-Type", body.contentType())
                    .POST(body.publisher("file", page.png().getFileName().toString(), page.png())).build());
            if (r.statusCode() != 201) {
                String answer = new String(r.body(), StandardCharsets.UTF_8);
                String hint = department == null && answer.contains("department") ? " (give --department CODE)" : "";
                throw new IOException(r.statusCode() + " " + answer + hint);
            }
            return api.json(r).path("id").asLong();
        }

        ObjectNode object() {
            return api.object();
        }

        /** POST of a JSON body; the parsed answer, whatever the status. */
        JsonNode postJson(String path, JsonNode json) throws IOException, InterruptedException {
            return api.json(api.send(api.postJson(path, json).timeout(TIMEOUT).build()));
        }

        /** The server's address, without a closing slash. */
        String url() {
            return api.uri("").toString();
        }

        /** GET of a JSON resource; completes exceptionally on a status other than 200. */
        CompletableFuture<JsonNode> getJson(String path) {
            return api.sendAsync(api.request(path).timeout(TIMEOUT).GET().build()).thenApply(r -> {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " "
                            + new String(r.body(), StandardCharsets.UTF_8));
                }
                try {
                    return api.json(r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Self-test

    /** Checks the parts whose mistakes would silently skew the figures. */
    static final class SelfTest {

        private static int checks;

        static void run() throws Exception {
            wer();
            json();
            generator();
            System.out.println("self-test passed (" + checks + " checks)");
        }

        private static void wer() {
            equal(List.of("Hallo", "Welt"), Wer.words("  „Hallo,\n\tWelt.“ "), "punctuation at the edges goes");
            equal(List.of("32-41/2025", "27.11.2026"), Wer.words("32-41/2025 27.11.2026:"), "inner punctuation stays");
            equal(List.of("fi"), Wer.words("ﬁ"), "ligature normalised");
            equal(List.of(), Wer.words(" – , "), "punctuation alone is no word");
            equal(0.0, Score.of("a b c", "a b c").wer(), "identical");
            equal(1 / 3.0, Score.of("a b c", "a x c").wer(), "one substitution");
            equal(1 / 3.0, Score.of("a b c", "a c").wer(), "one deletion");
            equal(1 / 3.0, Score.of("a b c", "a b x c").wer(), "one insertion");
            equal(2 / 4.0, Score.of("a b c d", "b a c d").wer(), "a swap is two edits");
            equal(1.0, Score.of("a b", "").wer(), "nothing recognised");
            equal(2.0, Score.of("a", "x y").wer(), "extra words can push WER over 1");
            equal(1.0, Score.of("Straße", "Strasse").wer(), "umlauts and ß are exact");
            equal(0.0, Score.of("Mit freundlichen\nGrüßen", "Mit  freundlichen Grüßen,").wer(), "line breaks are spaces");
            equal(4, Wer.distance(Wer.words("kitten sitting on mat"), Wer.words("sitting kitten on the mat x")), "swap plus two insertions");
        }

        private static void json() throws IOException {
            ObjectMapper json = new ObjectMapper();
            String body = "{\"documentId\": 7, \"version\": 1, \"status\": \"READY\", \"pages\": [{\"page\": 1,"
                    + " \"text\": \"Gr\\u00fc\\u00dfe\\nzweite \\\"Zeile\\\"\", \"dpi\": 300.0, \"rotation\": 0,"
                    + " \"words\": [{\"text\": \"Grüße\", \"confidence\": 96.5}], \"x\": null, \"ok\": true},"
                    + " {\"page\": 2, \"text\": \"Seite zwei\"}]}";
            equal("Grüße\nzweite \"Zeile\"\nSeite zwei\n", Pipeline.text(json.readTree(body)), "page texts, escapes");
            equal("", Pipeline.text(json.readTree("{\"pages\": []}")), "no pages");
            equal(true, Pipeline.foundIn(json.readTree("{\"total\":1,\"items\":[{\"documentId\":7}]}"), 7),
                    "search hit");
            equal(false, Pipeline.foundIn(json.readTree("{\"total\":0,\"items\":[]}"), 7), "no search hit");
            equal(false, Pipeline.foundIn(json.readTree("{\"total\":1,\"items\":[{\"documentId\":8}]}"), 7),
                    "another document");
        }

        private static void generator() throws Exception {
            Path dir = Files.createTempDirectory("ocrbench-selftest-");
            try {
                List<Page> pages = new PageGenerator(42, dir, 0).generate(2, 2);
                Page page = pages.get(0);
                BufferedImage image = ImageIO.read(page.png().toFile());
                equal(PAGE_WIDTH + "x" + PAGE_HEIGHT, image.getWidth() + "x" + image.getHeight(), "A4 at 300 dpi");
                equal(BufferedImage.TYPE_BYTE_GRAY, image.getType(), "8-bit grey");
                equal(true, page.lines().contains("Prüfnummer " + page.token() + " Serie " + page.series()),
                        "tokens in ground truth");
                equal(page.series(), pages.get(1).series(), "one series per run");
                equal(false, page.token().equals(pages.get(1).token()), "tokens differ");
                equal(false, page.lines().equals(pages.get(1).lines().stream()
                        .map(l -> l.replace(pages.get(1).token(), page.token())).toList()), "texts differ");
                int lines = page.lines().size();
                equal(true, lines >= 25 && lines <= 32, "25 to 32 lines, got " + lines);
                System.out.println("sample page:\n  " + String.join("\n  ", page.lines()));
            } finally {
                deleteRecursively(dir);
            }
        }

        private static void equal(Object expected, Object actual, String what) {
            checks++;
            boolean same = expected instanceof Double d && actual instanceof Double a
                    ? Math.abs(d - a) < 1e-9 : expected.equals(actual);
            if (!same) {
                throw new AssertionError(what + ": expected " + expected + ", got " + actual);
            }
        }
    }
}
