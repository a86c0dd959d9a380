package de.akte.ingest.hotfolder;

import java.nio.file.Path;

/** A file found in the hot folder, with its path below the root in the form the importer gets. */
record DroppedFile(Path file, String relativePath) {
}
