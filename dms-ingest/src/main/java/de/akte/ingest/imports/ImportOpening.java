package de.akte.ingest.imports;

import de.akte.core.application.imports.ImportService;
import de.akte.core.application.imports.NewImport;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportRoots;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.ingest.imports.source.ImportSourceException;
import de.akte.ingest.imports.source.ZipLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens import batches: the caller's own, into which they hand files, or one the server reads from its own disk.
 * Only administrators name a server path; it must really lie below the import roots, and a ZIP must keep to the
 * limits, before the batch opens. A server-side batch is the system's, not the administrator's; its job starts
 * when the batch is new (an open one's job runs already, or is continued when the server starts).
 */
public final class ImportOpening {

    private static final String SERVER = "server:";

    private final ImportService imports;
    private final ImportRoots roots;
    private final ZipLimits zipLimits;
    private final ImportJobs jobs;

    public ImportOpening(ImportService imports, ImportRoots roots, ZipLimits zipLimits, ImportJobs jobs) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.roots = Objects.requireNonNull(roots, "roots");
        this.zipLimits = Objects.requireNonNull(zipLimits, "zipLimits");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /** Opens the batch, or continues the caller's (or, for a server path, the system's) batch of that key. */
    public ImportService.Opened open(Caller caller, ImportRequest request) {
        if (!request.onServer()) {
            return imports.open(caller, new NewImport(request.key(), request.source(), ImportKind.CLIENT, null,
                    request.caseFile(), request.department(), request.documentType(), request.scannedBy(),
                    request.expectedItems()));
        }
        if (!caller.has(Role.ADMIN)) {
            throw new ForbiddenException("only administrators may import from the server's file system");
        }
        String named = SERVER + request.serverPath();
        NewImport opening = new NewImport(request.key() != null ? request.key() : named,
                request.source() != null ? request.source() : named, ImportKind.SERVER, readable(request.serverPath()),
                request.caseFile(), request.department(), request.documentType(), request.scannedBy(),
                request.expectedItems());
        ImportService.Opened opened = imports.openOnServer(caller, opening);
        if (!opened.resumed()) {
            jobs.start(opened.batch().id());
        }
        return opened;
    }

    /** The real path below the import roots; a ZIP's central directory is checked so a bomb never opens a batch. */
    private String readable(String serverPath) {
        // links resolved once here; the job reads the real path and checks it against the roots again
        Path real = roots.confine(serverPath);
        if (Files.isRegularFile(real)) {
            try {
                zipLimits.check(real);
            } catch (ImportSourceException e) {
                throw new InvalidInputException("serverPath", e.getMessage());
            }
        }
        return real.toString();
    }
}
