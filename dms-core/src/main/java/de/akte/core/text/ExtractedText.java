package de.akte.core.text;

import java.util.List;
import java.util.Map;

/**
 * The result of text extraction.
 *
 * @param mediaType the type detected from the content, e.g. {@code application/pdf}
 * @param pages     the text of each page, page 1 first; formats without pages give one entry
 * @param metadata  selected metadata found in the file (title, author, created, …)
 */
public record ExtractedText(String mediaType, List<String> pages, Map<String, String> metadata) {
    public ExtractedText {
        pages = List.copyOf(pages);
        metadata = Map.copyOf(metadata);
    }

    /** All pages joined with blank lines. */
    public String fullText() {
        return String.join("\n\n", pages);
    }
}
