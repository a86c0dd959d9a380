package de.akte.web.infrastructure;

import de.akte.core.application.ProcessingPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The product's start-up settings, read once from system properties and environment variables
 * (a system property {@code akte.x.y} wins over the variable {@code AKTE_X_Y}).
 *
 * @param dataDir        the one directory with database (embedded), blobs, index and spool files
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
 */
public record AkteSettings(Path dataDir, long maxUploadBytes, String storage, S3 s3, Optional<String> adminPassword,
                           boolean seedDemoData, Optional<String> demoPassword, int passwordIterations, Ocr ocr,
                           Optional<HotFolder> hotFolder, double autoFileConfidence, int crashLimit) {

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

    /** How to reach the S3 bucket. */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
                     String objectLockMode) {
    }

    public static final long DEFAULT_MAX_UPLOAD = 2L * 1024 * 1024 * 1024 + 64L * 1024 * 1024;

    public static AkteSettings from(Properties system, Map<String, String> env) {
        Lookup l = new Lookup(system, env);
        Path dataDir = Path.of(l.get("akte.data.dir").orElse(System.getProperty("user.home") + "/.akte"))
                .toAbsolutePath().normalize();
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
        return new AkteSettings(dataDir, maxUpload, storage, s3, l.get("akte.admin.password"),
                l.get("akte.demo.data").map(Boolean::parseBoolean).orElse(false), l.get("akte.demo.password"),
                l.get("akte.password.iterations").map(Integer::parseInt).orElse(600_000), ocr(l),
                l.get("akte.hot.folder").map(root -> new HotFolder(Path.of(root).toAbsolutePath().normalize(),
                        l.get("akte.hot.folder.department").orElse(null),
                        Duration.ofSeconds(l.get("akte.hot.folder.settle.seconds").map(Long::parseLong).orElse(5L)),
                        l.get("akte.hot.folder.departments").map(AkteSettings::codes).orElse(null))),
                l.get("akte.auto.file.confidence").map(Double::parseDouble).orElse(0.7), crashLimit(l));
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
