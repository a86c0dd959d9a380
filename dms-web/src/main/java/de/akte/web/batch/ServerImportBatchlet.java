package de.akte.web.batch;

import de.akte.core.application.ImportItemUpload;
import de.akte.core.application.ImportService;
import de.akte.core.security.Caller;
import de.akte.core.imports.ImportRoots;
import de.akte.core.shared.InvalidInputException;
import de.akte.ingest.imports.source.ImportSource;
import de.akte.ingest.imports.source.ImportSourceException;
import de.akte.ingest.imports.source.ZipLimits;
import de.akte.ingest.imports.source.RefusedFile;
import de.akte.ingest.imports.source.SourceFile;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the files of a server-side batch one by one. Every file is committed together with its import item,
 * so the items are the job's checkpoints: after a crash the job is started again and skips what is recorded.
 * A refused file is recorded as failed and the job goes on.
 */
@Named("serverImportBatchlet")
@Dependent
public class ServerImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ServerImportBatchlet.class.getName());

    @Inject
    @BatchProperty
    private String batchId;

    @Inject
    private ImportService imports;

    @Inject
    private ImportRoots importRoots;

    @Inject
    private ZipLimits zipLimits;

    private volatile boolean stopping;

    @Override
    public String process() {
        long id = Long.parseLong(batchId);
        String source = imports.serverPath(id)
                .orElseThrow(() -> new IllegalStateException("import " + id + " reads no server path"));
        // the system's server importer, reaching only the batch's department
        Caller importer = imports.serverImporter(id);
        int handed = 0;
        ImportSource opened;
        try {
            // checked again: the roots may have changed, or a folder been replaced by a link, since the batch opened
            opened = ImportSource.openConfined(source, importRoots, zipLimits);
        } catch (InvalidInputException | ImportSourceException e) {
            imports.recordRefused(importer, id, Path.of(source).getFileName().toString(), e.getMessage());
            imports.complete(importer, id);
            LOG.warning("server-side import " + id + " from " + source + " refused: " + e.getMessage());
            return BatchStatus.COMPLETED.name();
        }
        try (ImportSource files = opened) {
            for (RefusedFile refused : files.refused()) {
                imports.recordRefused(importer, id, refused.path(), refused.reason());
            }
            for (SourceFile file : files.files()) {
                if (stopping) {
                    return BatchStatus.STOPPED.name();
                }
                // not through a link: one swapped in since the walk would lead past the roots
                try (InputStream in = Files.newInputStream(file.file(), LinkOption.NOFOLLOW_LINKS)) {
                    imports.importItem(importer, id, new ImportItemUpload(file.path(), file.sha256(), null, null, null,
                            null, null), in);
                } catch (IOException e) {
                    imports.recordRefused(importer, id, file.path(), "could not be read: " + e.getMessage());
                } catch (RuntimeException e) {
                    // recorded as a failed item by the import service; one bad file must not stop the batch
                    LOG.log(Level.FINE, "import " + id + ": " + file.path() + " refused", e);
                }
                handed++;
            }
        }
        imports.complete(importer, id);
        LOG.info("server-side import " + id + " from " + source + " done: " + handed + " files");
        return BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
