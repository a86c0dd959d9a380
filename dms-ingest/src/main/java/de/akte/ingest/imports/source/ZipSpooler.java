package de.akte.ingest.imports.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP file as a stream and copies each entry to a temporary file while hashing it, so the upload can send a
 * file of known length and hash. Entries with {@code ..} segments or absolute names are refused, never written
 * anywhere; a ZIP over its limits (entries, expanded bytes, one entry's ratio) is refused as a whole, counting the
 * bytes really expanded, not the sizes the ZIP claims.
 */
final class ZipSpooler {

    private final Path zip;
    private final ZipLimits limits;

    ZipSpooler(Path zip) {
        this(zip, ZipLimits.defaults());
    }

    ZipSpooler(Path zip, ZipLimits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    ImportSource spool() {
        Path spool;
        try {
            spool = Files.createTempDirectory("akte-import-");
        } catch (IOException e) {
            throw new ImportSourceException("cannot create a temporary folder for the ZIP entries: " + e.getMessage(), e);
        }
        TreeMap<String, SourceFile> files = new TreeMap<>();
        List<RefusedFile> refused = new ArrayList<>();
        CountingInputStream compressed;
        try (ZipInputStream in = new ZipInputStream(compressed = new CountingInputStream(
                Files.newInputStream(zip, LinkOption.NOFOLLOW_LINKS)))) {
            int counter = 0;
            int entries = 0;
            long expanded = 0;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw limits.tooManyEntries();
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String path = ItemPaths.normalise(entry.getName());
                String refusal = refusal(entry.getName(), path);
                if (refusal != null) {
                    refused.add(new RefusedFile(entry.getName(), refusal));
                    continue;
                }
                if (skipped(path) || files.containsKey(path)) {
                    continue;
                }
                // numbered names: entry names may be long, odd or clash once case is folded by the file system
                Path copy = spool.resolve(Integer.toString(counter++));
                SourceFile spooled = copy(new BoundedEntry(in, entry.getName(), compressed, limits,
                        limits.maxExpandedBytes() - expanded), path, copy);
                expanded += spooled.size();
                files.put(path, spooled);
            }
        } catch (ImportSourceException e) {
            new ImportSource(List.of(), List.of(), spool).close();
            throw e;
        } catch (IOException e) {
            new ImportSource(List.of(), List.of(), spool).close();
            throw new ImportSourceException("cannot read the ZIP file " + zip + ": " + e.getMessage(), e);
        }
        return new ImportSource(new ArrayList<>(files.values()), refused, spool);
    }

    private static SourceFile copy(InputStream in, String path, Path copy) throws IOException {
        MessageDigest digest = ContentHash.sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(copy), digest)) {
            size = in.transferTo(out);
        }
        return new SourceFile(path, copy, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Why an entry name (as in the ZIP, and normalised) cannot become an item path, or null if it can. */
    static String refusal(String raw, String path) {
        if (raw.startsWith("/") || raw.startsWith("\\") || raw.matches("^[A-Za-z]:.*")) {
            return "refused: the entry name is an absolute path";
        }
        if (raw.indexOf('\0') >= 0) {
            return "refused: the entry name holds a NUL character";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "refused: the entry name leaves the ZIP's folder (\"..\")";
            }
        }
        if (path.isEmpty()) {
            return "refused: the entry has no name";
        }
        return null;
    }

    /** Same rule as for folders: hidden entries and Akte's own .akte* files are not documents. */
    static boolean skipped(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return path.startsWith("__MACOSX/");
    }

    /** Counts the compressed bytes the ZIP reader consumes, so an entry's real expansion ratio can be judged. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /**
     * One entry's expanded bytes, refused once they pass what is left of the ZIP's byte limit, or expand more than
     * the ratio limit over the compressed bytes read for them. The entry is never closed: the ZIP reader owns it.
     */
    private static final class BoundedEntry extends InputStream {
        private final InputStream entry;
        private final String name;
        private final CountingInputStream compressed;
        private final ZipLimits limits;
        private final long allowed;
        private final long compressedAtStart;
        private long expanded;

        BoundedEntry(InputStream entry, String name, CountingInputStream compressed, ZipLimits limits, long allowed) {
            this.entry = entry;
            this.name = name;
            this.compressed = compressed;
            this.limits = limits;
            this.allowed = allowed;
            this.compressedAtStart = compressed.count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = entry.read(b, off, len);
            if (n > 0) {
                expanded += n;
                if (expanded > allowed) {
                    throw limits.tooLarge();
                }
                long read = Math.max(1, compressed.count - compressedAtStart);
                if (expanded > ZipLimits.RATIO_FLOOR && expanded > (long) limits.maxRatio() * read) {
                    throw limits.tooDense(name);
                }
            }
            return n;
        }
    }
}
