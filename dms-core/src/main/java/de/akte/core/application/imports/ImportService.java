package de.akte.core.application.imports;

import de.akte.core.security.Caller;
import de.akte.core.shared.Page;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Bulk import: batches of files handed in one by one (by the command-line client, a server-side job or the hot
 * folder). The imports feature's requests: opening a batch ({@link BatchOpening}), handing in its files
 * ({@link ItemIntake}), completing it with its protocol ({@link BatchClosing}) and watching it
 * ({@link ImportReports}).
 */
public class ImportService {

    private final BatchOpening opening;
    private final ItemIntake items;
    private final BatchClosing closing;
    private final ImportReports reports;

    public ImportService(BatchOpening opening, ItemIntake items, BatchClosing closing, ImportReports reports) {
        this.opening = opening;
        this.items = items;
        this.closing = closing;
        this.reports = reports;
    }

    /** What handing in a file gave: the item, and whether a new document was made of it just now. */
    public record Handed(ImportItemView item, boolean newDocument) {
    }

    /** What opening a batch gave: the batch, and whether it existed already (the same import run again). */
    public record Opened(ImportProgress batch, boolean resumed) {
    }

    /** Opens the caller's batch with this key, or continues it (see {@link BatchOpening#open}). */
    public Opened open(Caller caller, NewImport request) {
        return opening.open(caller, request);
    }

    /** An administrator opens (or continues) an import the server reads from its own disk. */
    public Opened openOnServer(Caller administrator, NewImport request) {
        return opening.openOnServer(administrator, request);
    }

    /** Imports one file into a batch; idempotent per batch and path (see {@link ItemIntake#importItem}). */
    public Handed importItem(Caller caller, long batchId, ImportItemUpload upload, InputStream content) {
        return items.importItem(caller, batchId, upload, content);
    }

    /** The files of a batch in the order they came, optionally only those in one state. */
    public Page<ImportItemView> items(Caller caller, long batchId, String state, int page, int size) {
        return reports.items(caller, batchId, state, page, size);
    }

    /** Files that failed, at import or later in processing, each with its reason. */
    public List<ImportItemView> failures(Caller caller, long batchId) {
        return reports.failures(caller, batchId);
    }

    /** The caller's own newest batches (an administrator's: everyone's, the system's too), newest first. */
    public List<ImportProgress> newest(Caller caller, int limit) {
        return reports.newest(caller, limit);
    }

    public ImportProgress progress(Caller caller, long batchId) {
        return reports.progress(caller, batchId);
    }

    /** Closes the batch and keeps its protocol as documents (see {@link BatchClosing#complete}). */
    public ImportProgress complete(Caller caller, long batchId) {
        return closing.complete(caller, batchId);
    }

    /** The import protocol: who imported what, when, from where, each file's SHA-256 and document. */
    public ImportProtocol protocol(Caller caller, long batchId) {
        return reports.protocol(caller, batchId);
    }

    /** Server-side batches still open, to be continued after a restart. */
    public List<ImportProgress> openServerBatches() {
        return opening.openServerBatches();
    }

    /** The identity a server-side job imports a batch as (see {@link BatchOpening#serverImporter}). */
    public Caller serverImporter(long batchId) {
        return opening.serverImporter(batchId);
    }

    /** Records a file that was refused before it could be handed in (unreadable, or a dangerous ZIP entry name). */
    public void recordRefused(Caller caller, long batchId, String path, String reason) {
        items.recordRefused(caller, batchId, path, reason);
    }

    /** The folder or ZIP a server-side batch reads. */
    public Optional<String> serverPath(long batchId) {
        return opening.serverPath(batchId);
    }
}
