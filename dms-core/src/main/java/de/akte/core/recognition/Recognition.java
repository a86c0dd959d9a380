package de.akte.core.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What recognition found in one original. Either {@link #parts()} is non-empty (a scanned batch to be split,
 * nothing else is meaningful) or the pages carry the content. Closing deletes the temporary files.
 *
 * @param mediaType the type detected from the content
 * @param metadata  selected properties of the file (title, author, …)
 * @param rendition a temporary file with the archival PDF/A, if one was made
 */
public record Recognition(String mediaType, List<RecognizedContent> pages, Map<String, String> metadata,
                          List<FoundField> fields, Optional<Path> rendition, List<BatchPart> parts)
        implements AutoCloseable {

    public Recognition {
        Objects.requireNonNull(mediaType, "mediaType");
        pages = List.copyOf(pages);
        metadata = Map.copyOf(metadata);
        fields = List.copyOf(fields);
        Objects.requireNonNull(rendition, "rendition");
        parts = List.copyOf(parts);
    }

    /** True when the original is a batch that separator sheets cut into several documents. */
    public boolean isBatch() {
        return !parts.isEmpty();
    }

    /** The text of each page, page 1 first. */
    public List<String> pageTexts() {
        return pages.stream().map(RecognizedContent::text).toList();
    }

    @Override
    public void close() {
        List<Path> temporary = new ArrayList<>();
        rendition.ifPresent(temporary::add);
        parts.forEach(p -> temporary.add(p.content()));
        for (Path file : temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete temporary file " + file, e);
            }
        }
    }
}
