package de.akte.core.imports;

import de.akte.core.security.Caller;
import de.akte.core.security.SystemActor;

import java.util.Objects;
import java.util.Set;

/**
 * Whose a batch is: a person (their username) or one of the system's own importers ({@link SystemActor}:
 * {@code system:hot-folder}, {@code system:server-import}). Only the owner opens, appends to and completes a batch;
 * keys are unique per owner. System names contain a colon, which no username may (see {@code UserAccount.USERNAME}),
 * so no person can ever hold a system batch by choosing a name.
 */
public record ImportOwner(String name) {

    /** The watched hot folder. */
    public static final ImportOwner HOT_FOLDER = new ImportOwner(SystemActor.HOT_FOLDER.actorName());
    /** Server-side imports of a folder or ZIP on the server's disk, started by an administrator. */
    public static final ImportOwner SERVER_IMPORT = new ImportOwner(SystemActor.SERVER_IMPORT.actorName());

    public ImportOwner {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("an import owner has 1 to 64 characters: " + name);
        }
    }

    /** The owner of the batches a caller opens through the API: the caller. */
    public static ImportOwner of(Caller caller) {
        return new ImportOwner(caller.username());
    }

    /** Whether this is one of the system's own importers rather than a person. */
    public boolean system() {
        return name.startsWith(SystemActor.PREFIX);
    }

    /** The identity a system importer acts as ({@link SystemActor#caller}), reaching only the given departments. */
    public Caller caller(Set<String> departments) {
        return SystemActor.named(name).orElseThrow(() -> new IllegalStateException(name
                + " is a person, not a system importer")).caller(departments);
    }
}
