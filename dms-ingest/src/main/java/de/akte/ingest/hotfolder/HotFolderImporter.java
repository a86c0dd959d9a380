package de.akte.ingest.hotfolder;

import java.nio.file.Path;

/** Imports one settled file; the server side implements it with its import service. */
@FunctionalInterface
public interface HotFolderImporter {

    /**
     * Imports the file as a document. Must be idempotent per (relative path, content): the hot folder calls it
     * again for the same file when it could not move the file away after a successful import.
     *
     * @param file         the file, still inside the hot folder
     * @param relativePath path below the hot folder, forward slashes (its first segment may name a department)
     * @return the id of the document it became (or the existing one for a file imported before)
     * @throws HotFolderRejection with a readable reason when the file is refused (it then goes to {@code error/});
     *                            any other RuntimeException means "try again later" (the file stays where it is)
     */
    long importFile(Path file, String relativePath);
}
