package de.akte.ingest.hotfolder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the hot folder is and how patient it is.
 *
 * @param root       the watched directory; {@code done/} and {@code error/} are created inside it
 * @param settleTime how long a file must have been left unchanged before it counts as completely written
 */
public record HotFolderSettings(Path root, Duration settleTime) {

    /** Long enough for a scanner writing to a network share to pause between pages without being cut off. */
    public static final Duration DEFAULT_SETTLE_TIME = Duration.ofSeconds(5);

    public HotFolderSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(settleTime, "settleTime");
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("settleTime must not be negative: " + settleTime);
        }
    }

    /** The hot folder at {@code root} with the default settle time. */
    public static HotFolderSettings defaults(Path root) {
        return new HotFolderSettings(root, DEFAULT_SETTLE_TIME);
    }
}
