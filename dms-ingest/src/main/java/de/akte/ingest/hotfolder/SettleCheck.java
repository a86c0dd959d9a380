package de.akte.ingest.hotfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells whether a dropped file is completely written. There is no portable "writer closed the file" signal
 * (least of all on network shares), so a file counts as complete once it has looked the same on two scans and
 * has not been modified for the settle time.
 */
final class SettleCheck {

    private record Snapshot(long size, FileTime lastModified) {
    }

    private final Duration settleTime;
    private final Clock clock;
    private final Map<String, Snapshot> lastSeen = new HashMap<>();

    SettleCheck(Duration settleTime, Clock clock) {
        this.settleTime = settleTime;
        this.clock = clock;
    }

    /** Whether the file is unchanged since the previous scan, old enough and can be opened for reading. */
    boolean isSettled(DroppedFile dropped) {
        Snapshot now;
        try {
            BasicFileAttributes attributes = Files.readAttributes(dropped.file(), BasicFileAttributes.class);
            now = new Snapshot(attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            lastSeen.remove(dropped.relativePath());
            return false;
        }
        Snapshot before = lastSeen.put(dropped.relativePath(), now);
        return now.equals(before) && isOldEnough(now.lastModified()) && canOpen(dropped.file());
    }

    /** Drops what is remembered about a file that has left the hot folder. */
    void forget(String relativePath) {
        lastSeen.remove(relativePath);
    }

    /** Drops what is remembered about files no longer present, so the memory does not grow forever. */
    void retainOnly(Set<String> presentRelativePaths) {
        lastSeen.keySet().retainAll(presentRelativePaths);
    }

    private boolean isOldEnough(FileTime lastModified) {
        Instant settledAt = lastModified.toInstant().plus(settleTime);
        return !settledAt.isAfter(clock.instant());
    }

    /** Windows and SMB shares refuse to open a file another process still holds exclusively. */
    private static boolean canOpen(Path file) {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
