package de.akte.core.recognition;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document cut from a scanned batch at separator sheets.
 *
 * @param pages         the batch's page numbers (1-based) that make up this part
 * @param fileReference the case file named by the separator sheet before it, if any
 * @param content       a temporary file holding the part's pages as a PDF (the page images unchanged)
 * @param mediaType     the type of that file
 */
public record BatchPart(List<Integer> pages, Optional<String> fileReference, Path content, String mediaType) {
    public BatchPart {
        pages = List.copyOf(pages);
        Objects.requireNonNull(fileReference, "fileReference");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
