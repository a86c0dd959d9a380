package de.akte.ingest.pdfa;

import java.util.Objects;

/** One recognised word and its pixel box in the upright page image (origin top-left, x1/y1 exclusive). */
public record WordBox(String text, int x0, int y0, int x1, int y1) {
    public WordBox {
        Objects.requireNonNull(text, "text");
        if (x1 < x0 || y1 < y0) {
            throw new IllegalArgumentException("Word box must not be inverted: " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
    }
}
