package de.akte.ingest.imports.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How far a ZIP file may expand before it is refused as a ZIP bomb.
 *
 * @param maxEntries       the most entries (files and folders) one ZIP may hold
 * @param maxExpandedBytes the most bytes all its entries together may expand to
 * @param maxRatio         the most one entry may expand relative to its compressed size, once it is past
 *                         {@link #RATIO_FLOOR} bytes (small entries may legitimately compress far better)
 */
public record ZipLimits(int maxEntries, long maxExpandedBytes, int maxRatio) {

    /** Entries smaller than this are not judged by their ratio: a few kilobytes cannot hurt. */
    public static final long RATIO_FLOOR = 1L << 20;

    public ZipLimits {
        if (maxEntries < 1 || maxExpandedBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("ZIP limits must be positive");
        }
    }

    /** 10,000 entries, 16 GiB expanded, 250 times per entry (deflate's own maximum is about 1,030). */
    public static ZipLimits defaults() {
        return new ZipLimits(10_000, 16L << 30, 250);
    }

    /**
     * Checks what the ZIP's central directory claims, without expanding anything: enough to refuse a bomb before
     * a batch is opened. The sizes may lie; the spooler counts the real bytes as it expands.
     *
     * @throws ImportSourceException with the reason when the ZIP is unreadable or over a limit
     */
    public void check(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() > maxEntries) {
                throw tooManyEntries();
            }
            long expanded = 0;
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = Math.max(0, entry.getSize());
                expanded += size;
                if (expanded > maxExpandedBytes) {
                    throw tooLarge();
                }
                if (size > RATIO_FLOOR && size > (long) maxRatio * Math.max(1, entry.getCompressedSize())) {
                    throw tooDense(entry.getName());
                }
            }
        } catch (IOException e) {
            throw new ImportSourceException("cannot read the ZIP file " + zip + ": " + e.getMessage(), e);
        }
    }

    ImportSourceException tooManyEntries() {
        return new ImportSourceException(String.format(Locale.ROOT,
                "refused: the ZIP has more than %d entries, the limit for one import", maxEntries));
    }

    ImportSourceException tooLarge() {
        return new ImportSourceException(String.format(Locale.ROOT,
                "refused: the ZIP expands to more than %d bytes, the limit for one import (a ZIP bomb?)",
                maxExpandedBytes));
    }

    ImportSourceException tooDense(String entry) {
        return new ImportSourceException(String.format(Locale.ROOT,
                "refused: the entry %s expands more than %d times its compressed size (a ZIP bomb?)", entry,
                maxRatio));
    }
}
