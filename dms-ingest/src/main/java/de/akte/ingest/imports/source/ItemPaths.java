package de.akte.ingest.imports.source;

/** The path of a file in a batch: relative, with forward slashes, however it was written. */
public final class ItemPaths {

    private ItemPaths() {
    }

    /** Paths are also written by hand (manifests): back slashes, a leading "./" or "/" still name the same file. */
    public static String normalise(String path) {
        String normal = path.trim().replace('\\', '/');
        while (normal.startsWith("./")) {
            normal = normal.substring(2);
        }
        while (normal.startsWith("/")) {
            normal = normal.substring(1);
        }
        return normal;
    }
}
