package de.akte.ingest.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of {@link TikaTextExtractor}, chosen so that no single file can exhaust memory.
 *
 * @param maxCharacters       extracted characters kept per file; text beyond is cut off and the result marked
 *                            {@code truncated} (a huge file still gets indexed, just not entirely)
 * @param maxCompressionRatio characters produced per byte read above which a file counts as a compression bomb
 *                            (checked once a million characters have come out, as Tika's SecureContentHandler does)
 * @param maxPackageDepth     how deeply archives inside archives (or attachments of attachments) are unpacked
 * @param maxParseTime        how long one file may take; a parser still busy then is stopped at its next read or
 *                            write and the file fails with that reason
 */
public record TikaExtractionSettings(int maxCharacters, long maxCompressionRatio, int maxPackageDepth,
                                     Duration maxParseTime) {

    /** 50 million characters: 50 to 100 MB of heap per extraction (twice that while the result is copied). */
    public static final int DEFAULT_MAX_CHARACTERS = 50_000_000;
    /** Tika's own default; legitimate office files stay far below it. */
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 100;
    /** Tika's own default. */
    public static final int DEFAULT_MAX_PACKAGE_DEPTH = 10;
    /** Five minutes: ample for ordinary files; an extraction running longer would hold a worker that long. */
    public static final Duration DEFAULT_MAX_PARSE_TIME = Duration.ofMinutes(5);

    public TikaExtractionSettings {
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("maxCharacters must be positive: " + maxCharacters);
        }
        if (maxCompressionRatio < 1) {
            throw new IllegalArgumentException("maxCompressionRatio must be positive: " + maxCompressionRatio);
        }
        if (maxPackageDepth < 0) {
            throw new IllegalArgumentException("maxPackageDepth must not be negative: " + maxPackageDepth);
        }
        Objects.requireNonNull(maxParseTime, "maxParseTime");
        if (maxParseTime.isNegative()) {
            throw new IllegalArgumentException("maxParseTime must not be negative: " + maxParseTime);
        }
    }

    /** The defaults described on the constants. */
    public static TikaExtractionSettings defaults() {
        return new TikaExtractionSettings(DEFAULT_MAX_CHARACTERS, DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_PACKAGE_DEPTH,
                DEFAULT_MAX_PARSE_TIME);
    }

    /** The same settings with another character limit. */
    public TikaExtractionSettings withMaxCharacters(int maxCharacters) {
        return new TikaExtractionSettings(maxCharacters, maxCompressionRatio, maxPackageDepth, maxParseTime);
    }

    /** The same settings with another time limit per file. */
    public TikaExtractionSettings withMaxParseTime(Duration limit) {
        return new TikaExtractionSettings(maxCharacters, maxCompressionRatio, maxPackageDepth, limit);
    }
}
