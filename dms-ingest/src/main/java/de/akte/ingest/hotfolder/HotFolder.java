package de.akte.ingest.hotfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One pass over the hot folder; call it every second or two from a scheduler. */
public final class HotFolder {

    private static final Logger LOG = Logger.getLogger(HotFolder.class.getName());

    private final HotFolderSettings settings;
    private final HotFolderImporter importer;
    private final OutcomeFolders outcomes;
    private final DroppedFiles droppedFiles;
    private final SettleCheck settleCheck;

    /**
     * @param settings where to look and how long to wait for a file to settle
     * @param importer turns a settled file into a document
     * @param clock    the time against which a file's last modification is measured
     */
    public HotFolder(HotFolderSettings settings, HotFolderImporter importer, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.importer = Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(clock, "clock");
        this.outcomes = new OutcomeFolders(settings.root(), clock);
        this.droppedFiles = new DroppedFiles(settings.root(), outcomes.done(), outcomes.error());
        this.settleCheck = new SettleCheck(settings.settleTime(), clock);
    }

    /**
     * Imports every settled file and moves it to {@code done/} or {@code error/}. A problem with one file is logged
     * and leaves that file for the next scan; only an unusable hot folder itself throws.
     * Synchronized because an overlapping scan from a misconfigured scheduler would import files twice.
     *
     * @throws UncheckedIOException when the hot folder or its outcome folders cannot be created or read
     */
    public synchronized ScanResult scan() {
        try {
            Files.createDirectories(settings.root());
            outcomes.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the hot folder " + settings.root(), e);
        }
        List<String> imported = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int waiting = 0;
        List<DroppedFile> present = droppedFiles.list();
        Set<String> presentPaths = new HashSet<>();
        for (DroppedFile dropped : present) {
            presentPaths.add(dropped.relativePath());
            switch (process(dropped)) {
                case IMPORTED -> imported.add(dropped.relativePath());
                case REJECTED -> failed.add(dropped.relativePath());
                case WAITING -> waiting++;
            }
        }
        settleCheck.retainOnly(presentPaths);
        return new ScanResult(imported, failed, waiting);
    }

    private enum Outcome { IMPORTED, REJECTED, WAITING }

    private Outcome process(DroppedFile dropped) {
        if (!settleCheck.isSettled(dropped)) {
            return Outcome.WAITING;
        }
        long documentId;
        try {
            documentId = importer.importFile(dropped.file(), dropped.relativePath());
        } catch (HotFolderRejection rejection) {
            return reject(dropped, rejection);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Import of " + dropped.relativePath() + " failed, retrying on a later scan");
            return Outcome.WAITING;
        }
        // A crash (or failed move) between import and move is harmless: the file stays, is imported again on a
        // later scan, and the importer, idempotent per (relative path, content), returns the existing document.
        try {
            outcomes.moveToDone(dropped);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Imported " + dropped.relativePath() + " as document " + documentId
                    + " but could not move it to " + OutcomeFolders.DONE + "/; retrying on a later scan");
            return Outcome.WAITING;
        }
        settleCheck.forget(dropped.relativePath());
        LOG.fine(() -> "Imported " + dropped.relativePath() + " as document " + documentId);
        return Outcome.IMPORTED;
    }

    private Outcome reject(DroppedFile dropped, HotFolderRejection rejection) {
        try {
            outcomes.moveToError(dropped, rejection.reason());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Rejected " + dropped.relativePath() + " (" + rejection.reason()
                    + ") but could not move it to " + OutcomeFolders.ERROR + "/; retrying on a later scan");
            return Outcome.WAITING;
        }
        settleCheck.forget(dropped.relativePath());
        LOG.info(() -> "Rejected " + dropped.relativePath() + ": " + rejection.reason());
        return Outcome.REJECTED;
    }
}
