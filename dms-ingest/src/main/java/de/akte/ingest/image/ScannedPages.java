package de.akte.ingest.image;

/**
 * A scanned file opened page by page; pages are decoded on demand, so only one needs to be in memory at a time.
 *
 * <p>Not thread-safe.
 */
public interface ScannedPages extends AutoCloseable {

    /** The number of pages, at least 1. */
    int count();

    /**
     * Decodes one page once the budget admits it, waiting while other pages hold it; the caller
     * {@linkplain ScannedPage#release() releases} the page when it is done with its pixels.
     *
     * @throws de.akte.core.text.UnreadableContentException  if the page is damaged or cannot be decoded, or could never
     *                                                        fit the decoded page budget
     * @throws de.akte.core.text.QuarantinedContentException if the page is over the pixel limit
     * @throws IndexOutOfBoundsException                      if {@code index} is not in {@code [0, count())}
     */
    ScannedPage page(int index);

    @Override
    void close();
}
