package de.akte.core.shared;

import java.util.List;

/** One page of a longer list: the API's {@code {total, page, size, items}}. */
public record Page<T>(long total, int page, int size, List<T> items) {
    public Page {
        items = List.copyOf(items);
    }
}
