package de.akte.core.application.imports;

import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportOwner;
import de.akte.core.imports.ImportRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.NotFoundException;

/**
 * Who may do what with a batch: its owner everything, an administrator read it; everyone else, and every system
 * importer but the owner, is told it does not exist, in the same words as for an id that was never used.
 */
final class ImportBatchAccess {

    private ImportBatchAccess() {
    }

    /** For appending, completing and recording refusals: the owner only. */
    static ImportBatch writable(Caller caller, ImportBatch batch) {
        if (!batch.ownedBy(ImportOwner.of(caller))) {
            throw missing(batch.id());
        }
        return batch;
    }

    /** For progress, items, failures and the protocol: the owner, or an administrator. */
    static ImportBatch readable(Caller caller, ImportBatch batch) {
        if (!batch.ownedBy(ImportOwner.of(caller)) && !caller.has(Role.ADMIN)) {
            throw missing(batch.id());
        }
        return batch;
    }

    /** Whose batches the caller lists: their own, or everyone's for an administrator ({@code null}). */
    static ImportOwner listedOwner(Caller caller) {
        return caller.has(Role.ADMIN) ? null : ImportOwner.of(caller);
    }

    /** The batch the caller may append to, complete or record refusals in (inside a unit of work). */
    static ImportBatch writable(Caller caller, ImportRepository imports, long id) {
        return writable(caller, imports.find(id).orElseThrow(() -> missing(id)));
    }

    /** The batch the caller may read (inside a unit of work). */
    static ImportBatch readable(Caller caller, ImportRepository imports, long id) {
        return readable(caller, imports.find(id).orElseThrow(() -> missing(id)));
    }

    /** Imports are for scanners (people and systems) and administrators. */
    static void requireImporter(Caller caller) {
        Access.requireAnyRole(caller, Role.SCANNER, Role.ADMIN);
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("no import " + id);
    }
}
