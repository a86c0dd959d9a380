package de.akte.ingest.imports;

import de.akte.core.application.imports.ImportItemUpload;
import de.akte.core.application.imports.ImportService;
import de.akte.core.imports.ImportRoots;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;
import de.akte.ingest.imports.source.ImportSource;
import de.akte.ingest.imports.source.ImportSourceException;
import de.akte.ingest.imports.source.RefusedFile;
import de.akte.ingest.imports.source.SourceFile;
import de.akte.ingest.imports.source.ZipLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the files of a server-side batch one by one, as the system's server importer (reaching only the batch's
 * department). Every file is committed together with its import item, so the items are the run's checkpoints: after
 * a crash the run is started again and skips what is recorded. A refused file is recorded as failed and the run
 * goes on.
 */
public final class ServerImportRun {

    private static final Logger LOG = Logger.getLogger(ServerImportRun.class.getName());

    /** How a run ended: every file handed in and the batch completed, or stopped between two files. */
    public enum Outcome { COMPLETED, STOPPED }

    private final ImportService imports;
    private final ImportRoots roots;
    private final ZipLimits zipLimits;

    public ServerImportRun(ImportService imports, ImportRoots roots, ZipLimits zipLimits) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.roots = Objects.requireNonNull(roots, "roots");
        this.zipLimits = Objects.requireNonNull(zipLimits, "zipLimits");
    }

    /** Imports the batch's folder or ZIP and completes the batch; stops between two files once asked to. */
    public Outcome run(long batchId, BooleanSupplier stopping) {
        String source = imports.serverPath(batchId)
                .orElseThrow(() -> new IllegalStateException("import " + batchId + " reads no server path"));
        Caller importer = imports.serverImporter(batchId);
        int handed = 0;
        ImportSource opened;
        try {
            // checked again: the roots may have changed, or a folder been replaced by a link, since the batch opened
            opened = ImportSource.openConfined(source, roots, zipLimits);
        } catch (InvalidInputException | ImportSourceException e) {
            imports.recordRefused(importer, batchId, Path.of(source).getFileName().toString(), e.getMessage());
            imports.complete(importer, batchId);
            LOG.warning("server-side import " + batchId + " from " + source + " refused: " + e.getMessage());
            return Outcome.COMPLETED;
        }
        try (ImportSource files = opened) {
            for (RefusedFile refused : files.refused()) {
                imports.recordRefused(importer, batchId, refused.path(), refused.reason());
            }
            for (SourceFile file : files.files()) {
                if (stopping.getAsBoolean()) {
                    return Outcome.STOPPED;
                }
                handIn(importer, batchId, files, file);
                handed++;
            }
        }
        imports.complete(importer, batchId);
        LOG.info("server-side import " + batchId + " from " + source + " done: " + handed + " files");
        return Outcome.COMPLETED;
    }

    private void handIn(Caller importer, long batchId, ImportSource source, SourceFile file) {
        // not through a link: one swapped in since the walk, for the file or a folder on its way, would lead past the roots
        try (InputStream in = source.read(file)) {
            imports.importItem(importer, batchId, new ImportItemUpload(file.path(), file.sha256(), null, null, null,
                    null, null), in);
        } catch (IOException e) {
            imports.recordRefused(importer, batchId, file.path(), "could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // recorded as a failed item by the import service; one bad file must not stop the batch
            LOG.log(Level.FINE, "import " + batchId + ": " + file.path() + " refused", e);
        }
    }
}
