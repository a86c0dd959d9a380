package de.akte.ingest.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Making and removing the job and process directories of reader processes. */
final class Directories {

    private Directories() {
    }

    static Path create(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a working directory in " + parent, e);
        }
    }

    /** Removes a directory and everything in it, as far as possible: leftovers are removed at the next start. */
    static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a file still open by a dying process; the next start removes it
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
