package de.akte.core.shared;

import java.util.List;

/** One page of a longer list: the API's {@code {total, page, size, items}}. */
public record Page<T>(long total, int page, int size, List<T> items) {
    public Page {
        items = List.copyOf(items);
    }

    /** The page a caller asks for, held to 1 to {@code maxSize} entries from the first page on. */
    public static Request request(int page, int size, int maxSize) {
        return new Request(Math.max(0, page), Math.max(1, Math.min(maxSize, size)));
    }

    /** Which page of how many entries. */
    public record Request(int page, int size) {

        /** How many entries come before this page. */
        public int offset() {
            return page * size;
        }

        /** This page of a list of {@code total} entries. */
        public <T> Page<T> of(long total, List<T> items) {
            return new Page<>(total, page, size, items);
        }
    }
}
