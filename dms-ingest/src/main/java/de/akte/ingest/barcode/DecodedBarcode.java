package de.akte.ingest.barcode;

import java.util.Objects;

/** One barcode found on a page. */
public record DecodedBarcode(Format format, String content) {

    /** The symbologies a separator sheet may carry. */
    public enum Format { QR_CODE, CODE_128 }

    public DecodedBarcode {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
    }
}
