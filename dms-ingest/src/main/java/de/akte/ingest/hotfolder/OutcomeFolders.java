package de.akte.ingest.hotfolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * The {@code done/} and {@code error/} folders inside the hot folder; files are moved there mirroring their
 * subfolders, never overwriting an earlier file of the same name.
 */
final class OutcomeFolders {

    static final String DONE = "done";
    static final String ERROR = "error";
    static final String REASON_SUFFIX = ".reason.txt";

    private final Path done;
    private final Path error;
    private final Clock clock;

    OutcomeFolders(Path root, Clock clock) {
        this.done = root.resolve(DONE);
        this.error = root.resolve(ERROR);
        this.clock = clock;
    }

    Path done() {
        return done;
    }

    Path error() {
        return error;
    }

    /** Creates both folders if missing; staff may have deleted them while cleaning up. */
    void create() throws IOException {
        Files.createDirectories(done);
        Files.createDirectories(error);
    }

    /** Moves an imported file to {@code done/<relativePath>} (or a numbered variant) and returns where it went. */
    Path moveToDone(DroppedFile dropped) throws IOException {
        Path target = freeTarget(done, dropped.relativePath(), "");
        move(dropped.file(), target);
        return target;
    }

    /**
     * Moves a rejected file to {@code error/<relativePath>} (or a numbered variant) and writes the reason beside it,
     * so that staff see in the share itself why their file was refused.
     */
    Path moveToError(DroppedFile dropped, String reason) throws IOException {
        Path target = freeTarget(error, dropped.relativePath(), REASON_SUFFIX);
        Path reasonFile = target.resolveSibling(target.getFileName() + REASON_SUFFIX);
        String text = "Reason: " + reason + System.lineSeparator()
                + "Time: " + clock.instant() + System.lineSeparator()
                + "Original path: " + dropped.relativePath() + System.lineSeparator();
        // the reason first: a file in error/ without its reason would leave staff guessing
        Files.writeString(reasonFile, text, StandardCharsets.UTF_8);
        try {
            move(dropped.file(), target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(reasonFile);
            throw e;
        }
        return target;
    }

    /**
     * The target below {@code folder} for the relative path, with {@code -1}, {@code -2}, … before the extension
     * while that name (or its companion with {@code companionSuffix}) is taken.
     */
    private static Path freeTarget(Path folder, String relativePath, String companionSuffix) throws IOException {
        Path wanted = folder.resolve(relativePath);
        Files.createDirectories(wanted.getParent());
        String name = wanted.getFileName().toString();
        int dot = name.lastIndexOf('.');
        // a leading dot is not an extension separator ("…/.profile" would become "-1.profile")
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = wanted;
        for (int n = 1; isTaken(candidate, companionSuffix); n++) {
            candidate = wanted.resolveSibling(base + "-" + n + extension);
        }
        return candidate;
    }

    private static boolean isTaken(Path candidate, String companionSuffix) {
        return Files.exists(candidate)
                || (!companionSuffix.isEmpty()
                        && Files.exists(candidate.resolveSibling(candidate.getFileName() + companionSuffix)));
    }

    /**
     * Atomic where the file system allows it, so staff never see half a file in {@code done/}; across file systems
     * (an outcome folder mounted elsewhere) a copy-and-delete move is the best there is. Only this scanner writes
     * into the outcome folders, so the target checked free just before is still free.
     */
    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target);
        }
    }
}
