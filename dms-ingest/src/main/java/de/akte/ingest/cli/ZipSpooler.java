package de.akte.ingest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
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
 * file of known length and hash. Entries with {@code ..} segments are refused, never written anywhere.
 */
final class ZipSpooler {

    private final Path zip;

    ZipSpooler(Path zip) {
        this.zip = zip;
    }

    ImportSource spool() {
        Path spool;
        try {
            spool = Files.createTempDirectory("akte-import-");
        } catch (IOException e) {
            throw new ImportUsageException("cannot create a temporary folder for the ZIP entries: " + e.getMessage(), e);
        }
        TreeMap<String, SourceFile> files = new TreeMap<>();
        List<ItemOutcome> refused = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int counter = 0;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = Manifest.normalisePath(entry.getName());
                String refusal = refusal(path);
                if (refusal != null) {
                    refused.add(ItemOutcome.failed(entry.getName(), null, refusal));
                    continue;
                }
                if (skipped(path) || files.containsKey(path)) {
                    continue;
                }
                // numbered names: entry names may be long, odd or clash once case is folded by the file system
                Path copy = spool.resolve(Integer.toString(counter++));
                files.put(path, copy(in, path, copy));
            }
        } catch (IOException e) {
            new ImportSource(List.of(), List.of(), spool).close();
            throw new ImportUsageException("cannot read the ZIP file " + zip + ": " + e.getMessage(), e);
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

    /** Why an entry name cannot become an item path, or null if it can. */
    static String refusal(String path) {
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
}
