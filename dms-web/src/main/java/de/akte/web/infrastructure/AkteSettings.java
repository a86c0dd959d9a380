package de.akte.web.infrastructure;

import de.akte.core.CoreSettings;
import de.akte.core.application.documents.UploadLimits;
import de.akte.core.application.filing.FilingPolicy;
import de.akte.core.application.processing.ProcessingPolicy;
import de.akte.core.health.HealthLimits;
import de.akte.core.xdomea.Sender;
import de.akte.core.imports.ImportRoots;
import de.akte.ingest.imports.source.ZipLimits;
import de.akte.ingest.pages.PageRenderLimits;

import de.akte.ingest.isolation.ParserSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The product's start-up settings, read once from system properties and environment variables
 * (a system property {@code akte.x.y} wins over the variable {@code AKTE_X_Y}).
 *
 * @param dataDir        the one directory with database (embedded), blobs, index and spool files
 * @param spoolDir       where uploads wait on disk while they arrive (and, on S3, until they are sent); its own
 *                       file system may fill up without harm to database or index
 * @param maxUploadBytes the largest file accepted
 * @param storage        {@code filesystem} (default) or {@code s3}
 * @param s3             S3 connection settings when {@code storage} is {@code s3}
 * @param adminPassword  the first administrator's password, if given
 * @param seedDemoData   whether to load the demo departments, file plan, case files and users
 * @param demoPassword   the demo users' password; generated and logged if absent
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param ocr            how scans are recognised
 * @param hotFolder      the watched directory for scans, if any
 * @param autoFileConfidence predictions at least this sure are filed without asking a clerk
 * @param crashLimit     how many times a file may take its processing worker down (an out-of-memory, a stack
 *                       overflow, a killed server) before it is set aside as QUARANTINED
 * @param parsers        how untrusted files are read and rendered: in separate reader processes, and their limits
 * @param decodedPageBudgetMb the heap decoded page images may take at once, if set; else a share of the heap
 * @param malwareScan    how incoming files are scanned for malware
 * @param pageRendering  served page widths, pixel caps of page images, and the byte bound of the page cache
 * @param importRoots    the folders server-side imports may read (none: server-side imports are off)
 * @param zipLimits      how far a ZIP may expand in a server-side import
 * @param readAuditWindow how long a read of the same kind (page images, text, hits, metadata, one search) by the
 *                       same user is recorded once; zero records every request
 * @param security       sign-in, sessions, tokens, HTTPS and request body limits
 * @param xdomea         who signs the xdomea messages: the administration and the archive it offers records to
 * @param host           the server this runs in: its name as a lease holder, its home, Java and class path
 * @param search         where the search index lives: local Lucene or an OpenSearch cluster
 * @param mail           the mailboxes taken in and how far their messages are taken apart
 */
public record AkteSettings(Path dataDir, Path spoolDir, long maxUploadBytes, String storage, S3 s3, Optional<String> adminPassword,
                           boolean seedDemoData, Optional<String> demoPassword, int passwordIterations, Ocr ocr,
                           Optional<HotFolder> hotFolder, double autoFileConfidence, int crashLimit,
                           Parsers parsers, OptionalLong decodedPageBudgetMb,
                           MalwareScan malwareScan, PageRenderLimits pageRendering, ImportRoots importRoots,
                           ZipLimits zipLimits, Duration readAuditWindow, SecuritySettings security, Xdomea xdomea,
                           Host host, SearchSettings search, MailSettings mail) {

    /** Who signs the xdomea messages: the administration ({@code AKTE_XDOMEA_SENDER}) and the archive. */
    public record Xdomea(String sender, String archive) {
    }

    /**
     * The server this runs in: its name as a lease holder (WildFly's node name, which defaults to the host name),
     * the server's home directory if it has one, the Java it runs on and its class path, and the server's own
     * limit of a request body ({@code AKTE_MAX_POST_SIZE}, which WildFly's configuration reads), as given.
     */
    public record Host(String nodeName, Optional<Path> serverHome, Path javaHome, String classPath,
                       Optional<String> maxPostSize) {
    }

    /** The settings as this process's system properties and environment give them. */
    public static AkteSettings fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    /** What the core's services take of these settings. */
    public CoreSettings core() {
        // an S3 bucket without Object Lock refuses retention requests: WORM is off there, on everywhere else
        boolean worm = !storage.equals("s3") || s3.objectLockMode() != null;
        return new CoreSettings(passwordIterations, readAuditWindow, new UploadLimits(maxUploadBytes),
                new FilingPolicy(autoFileConfidence), ProcessingPolicy.defaults(host.nodeName()).withCrashLimit(crashLimit),
                worm, new Sender(xdomea.sender(), xdomea.archive(), "Akte"),
                new CoreSettings.SignIn(security.accountThrottle(), security.addressThrottle(),
                        security.hashConcurrency(), security.hashWait(), security.tokenLifetime(),
                        security.tokenMaxLifetime()),
                HealthLimits.defaults());
    }

    /**
     * Malware scanning by clamd: on unless {@code AKTE_MALWARE_SCAN=off}; where clamd listens ({@code AKTE_CLAMD},
     * default Debian's {@code unix:/run/clamav/clamd.ctl}), how long one scan may take, and the largest file clamd
     * accepts (its StreamMaxLength; larger files are quarantined as unscannable, never passed unscanned).
     */
    public record MalwareScan(boolean enabled, String clamd, Duration timeout, long maxStreamBytes) {
    }

    /** clamd's own default StreamMaxLength (25 MB), so that an untouched clamd.conf and Akte agree. */
    public static final long DEFAULT_CLAMD_MAX_STREAM = 25L * 1024 * 1024;

    /**
     * The hot folder: where, the department of files at its top (null: refused), how long a file must rest, and
     * the departments its first-level folders may name (null: any department).
     */
    public record HotFolder(Path root, String department, Duration settle, Set<String> departments) {
    }

    /**
     * Text recognition: the Tesseract program, its languages, the time one page may take, and how many pages are
     * recognised at once (one per core: Tesseract runs single-threaded, which is fastest in sum).
     */
    public record Ocr(String tesseract, List<String> languages, Duration pageTimeout, int threads) {
    }

    /**
     * Reader processes: whether files are read in them at all (else in the server's heap), each one's heap, how long
     * one may go without progress and how long one file may take, the time limit of a page for the viewer, after how
     * many files a process is replaced, how many read files at once, and their class path if not the server's
     * {@code akte-parser/lib}.
     */
    public record Parsers(boolean isolated, int heapMiB, Duration stallLimit, Duration timeLimit, Duration renderLimit,
                          int recycleAfter, int processes, Optional<String> classPath) {
    }

    /** How to reach the S3 bucket. */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
                     String objectLockMode) {
    }

    /** Seconds within which repeated reads of one kind by one user are recorded once. */
    public static final long DEFAULT_READ_AUDIT_WINDOW = 300;

    public static final long DEFAULT_MAX_UPLOAD = 2L * 1024 * 1024 * 1024 + 64L * 1024 * 1024;

    public static AkteSettings from(Properties system, Map<String, String> env) {
        Lookup l = new Lookup(system, env);
        Path dataDir = Path.of(l.get("akte.data.dir").orElse(System.getProperty("user.home") + "/.akte"))
                .toAbsolutePath().normalize();
        Path spoolDir = l.get("akte.spool.dir").map(Path::of).orElse(dataDir.resolve("spool")).toAbsolutePath()
                .normalize();
        long maxUpload = l.get("akte.max.upload.bytes").map(Long::parseLong).orElse(DEFAULT_MAX_UPLOAD);
        String storage = l.get("akte.storage").orElse("filesystem").toLowerCase(Locale.ROOT);
        if (!storage.equals("filesystem") && !storage.equals("s3")) {
            throw new IllegalArgumentException("AKTE_STORAGE must be 'filesystem' or 's3', not '" + storage + "'");
        }
        S3 s3 = new S3(l.get("akte.s3.endpoint").orElse(null), l.get("akte.s3.region").orElse("us-east-1"),
                l.get("akte.s3.bucket").orElse("akte"), l.get("akte.s3.access.key").orElse(null),
                l.get("akte.s3.secret.key").orElse(null), l.get("akte.s3.object.lock.mode").orElse(null));
        if (storage.equals("s3") && (s3.endpoint() == null || s3.accessKey() == null || s3.secretKey() == null)) {
            throw new IllegalArgumentException(
                    "AKTE_STORAGE=s3 needs AKTE_S3_ENDPOINT, AKTE_S3_ACCESS_KEY and AKTE_S3_SECRET_KEY");
        }
        return new AkteSettings(dataDir, spoolDir, maxUpload, storage, s3, l.get("akte.admin.password"),
                l.get("akte.demo.data").map(Boolean::parseBoolean).orElse(false), l.get("akte.demo.password"),
                l.get("akte.password.iterations").map(Integer::parseInt).orElse(600_000), ocr(l),
                l.get("akte.hot.folder").map(root -> new HotFolder(Path.of(root).toAbsolutePath().normalize(),
                        l.get("akte.hot.folder.department").orElse(null),
                        Duration.ofSeconds(l.get("akte.hot.folder.settle.seconds").map(Long::parseLong).orElse(5L)),
                        l.get("akte.hot.folder.departments").map(AkteSettings::codes).orElse(null))),
                l.get("akte.auto.file.confidence").map(Double::parseDouble).orElse(0.95), crashLimit(l), parsers(l),
                decodedPageBudgetMb(l), malwareScan(l), pageRendering(l),
                l.get("akte.import.roots").map(ImportRoots::parse).orElse(ImportRoots.none()), zipLimits(l),
                readAuditWindow(l), SecuritySettings.from(system, env),
                new Xdomea(l.get("akte.xdomea.sender").orElse("Akte"), l.get("akte.xdomea.archive").orElse("Archiv")),
                host(system, env), SearchSettings.from(system, env),
                MailSettings.from(system, env, zipLimits(l)));
    }

    private static Host host(Properties system, Map<String, String> env) {
        String node = system.getProperty("jboss.node.name");
        if (node == null || node.isBlank()) {
            try {
                node = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                node = "akte";
            }
        }
        String home = system.getProperty("jboss.home.dir");
        String java = system.getProperty("java.home", "");
        return new Host(node, Optional.ofNullable(home).map(Path::of), Path.of(java),
                system.getProperty("java.class.path", ""), Optional.ofNullable(env.get("AKTE_MAX_POST_SIZE")));
    }

    private static Parsers parsers(Lookup l) {
        Parsers parsers = new Parsers(l.get("akte.parser.isolation").map(Boolean::parseBoolean).orElse(true),
                l.get("akte.parser.heap.mb").map(Integer::parseInt).orElse(ParserSettings.DEFAULT_HEAP_MIB),
                l.get("akte.parser.stall.seconds").map(Long::parseLong).map(Duration::ofSeconds)
                        .orElse(ParserSettings.DEFAULT_STALL_LIMIT),
                l.get("akte.parser.time.limit.seconds").map(Long::parseLong).map(Duration::ofSeconds)
                        .orElse(ParserSettings.DEFAULT_TIME_LIMIT),
                l.get("akte.parser.render.seconds").map(Long::parseLong).map(Duration::ofSeconds)
                        .orElse(ParserSettings.DEFAULT_RENDER_LIMIT),
                l.get("akte.parser.recycle.after").map(Integer::parseInt).orElse(ParserSettings.DEFAULT_RECYCLE_AFTER),
                l.get("akte.parser.processes").map(Integer::parseInt)
                        .orElse(2 * Math.max(1, Runtime.getRuntime().availableProcessors())),
                l.get("akte.parser.classpath"));
        if (parsers.heapMiB() < 64 || parsers.processes() < 1 || parsers.recycleAfter() < 1
                || parsers.stallLimit().isNegative() || parsers.stallLimit().isZero()
                || parsers.timeLimit().isNegative() || parsers.timeLimit().isZero()
                || parsers.renderLimit().isNegative() || parsers.renderLimit().isZero()) {
            throw new IllegalArgumentException("AKTE_PARSER_HEAP_MB must be at least 64, AKTE_PARSER_PROCESSES and "
                    + "AKTE_PARSER_RECYCLE_AFTER at least 1, and the AKTE_PARSER_*_SECONDS limits positive");
        }
        return parsers;
    }

    private static OptionalLong decodedPageBudgetMb(Lookup l) {
        Optional<Long> megabytes = l.get("akte.decoded.page.budget.mb").map(Long::parseLong);
        if (megabytes.isPresent() && megabytes.get() < 1) {
            throw new IllegalArgumentException("AKTE_DECODED_PAGE_BUDGET_MB must be at least 1");
        }
        return megabytes.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static MalwareScan malwareScan(Lookup l) {
        String switch_ = l.get("akte.malware.scan").orElse("on").toLowerCase(Locale.ROOT);
        if (!switch_.equals("on") && !switch_.equals("off")) {
            throw new IllegalArgumentException("AKTE_MALWARE_SCAN must be 'on' or 'off', not '" + switch_ + "'");
        }
        long timeout = l.get("akte.clamd.timeout.seconds").map(Long::parseLong).orElse(120L);
        long maxStream = l.get("akte.clamd.max.stream.bytes").map(Long::parseLong).orElse(DEFAULT_CLAMD_MAX_STREAM);
        if (timeout < 1 || maxStream < 1) {
            throw new IllegalArgumentException("AKTE_CLAMD_TIMEOUT_SECONDS and AKTE_CLAMD_MAX_STREAM_BYTES must be "
                    + "positive");
        }
        return new MalwareScan(switch_.equals("on"), l.get("akte.clamd").orElse("unix:/run/clamav/clamd.ctl"),
                Duration.ofSeconds(timeout), maxStream);
    }

    private static PageRenderLimits pageRendering(Lookup l) {
        PageRenderLimits d = PageRenderLimits.defaults();
        return new PageRenderLimits(l.get("akte.page.widths").map(PageRenderLimits::parseWidths).orElse(d.widths()),
                l.get("akte.page.max.source.pixels").map(Long::parseLong).orElse(d.maxSourcePixels()),
                l.get("akte.page.max.pixels").map(Long::parseLong).orElse(d.maxProducedPixels()),
                l.get("akte.page.cache.bytes").map(Long::parseLong).orElse(d.cacheBytes()));
    }

    private static ZipLimits zipLimits(Lookup l) {
        ZipLimits d = ZipLimits.defaults();
        return new ZipLimits(l.get("akte.import.zip.max.entries").map(Integer::parseInt).orElse(d.maxEntries()),
                l.get("akte.import.zip.max.bytes").map(Long::parseLong).orElse(d.maxExpandedBytes()),
                l.get("akte.import.zip.max.ratio").map(Integer::parseInt).orElse(d.maxRatio()));
    }

    private static Duration readAuditWindow(Lookup l) {
        long seconds = l.get("akte.audit.read.window.seconds").map(Long::parseLong).orElse(DEFAULT_READ_AUDIT_WINDOW);
        if (seconds < 0) {
            throw new IllegalArgumentException("AKTE_AUDIT_READ_WINDOW_SECONDS must not be negative");
        }
        return Duration.ofSeconds(seconds);
    }

    private static int crashLimit(Lookup l) {
        int limit = l.get("akte.processing.crash.limit").map(Integer::parseInt)
                .orElse(ProcessingPolicy.DEFAULT_CRASH_LIMIT);
        if (limit < 1) {
            throw new IllegalArgumentException("AKTE_PROCESSING_CRASH_LIMIT must be at least 1");
        }
        return limit;
    }

    private static Set<String> codes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Ocr ocr(Lookup l) {
        List<String> languages = List.of(l.get("akte.ocr.languages").orElse("deu+eng").split("\\+"));
        int threads = l.get("akte.ocr.threads").map(Integer::parseInt)
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads < 1) {
            throw new IllegalArgumentException("AKTE_OCR_THREADS must be at least 1");
        }
        return new Ocr(l.get("akte.tesseract").orElse("tesseract"), languages,
                Duration.ofSeconds(l.get("akte.ocr.page.timeout.seconds").map(Long::parseLong).orElse(120L)), threads);
    }

    /** System property first, then the environment variable of the same name. */
    record Lookup(Properties system, Map<String, String> env) {
        Optional<String> get(String key) {
            String fromSystem = system.getProperty(key);
            if (fromSystem != null && !fromSystem.isBlank()) {
                return Optional.of(fromSystem.strip());
            }
            String fromEnv = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
            return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.strip());
        }
    }
}
