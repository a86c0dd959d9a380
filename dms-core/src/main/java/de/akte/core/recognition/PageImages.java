package de.akte.core.recognition;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Renders one page of a stored PDF or image as a PNG of a given width, upright, keeping rendered pages. */
public interface PageImages {

    /**
     * @param sha256    identifies the content, so a page rendered once is served again without rendering
     * @param source    fetches a local copy of the content; only asked when the page is not kept already
     * @param pageIndex 0-based
     * @param width     width of the image in pixels; the height follows the page
     * @throws IllegalArgumentException when the content has no such page
     */
    byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int width);

    /** Drops every kept page of the content (its record was destroyed); unknown content is ignored. */
    void forget(String sha256);
}
