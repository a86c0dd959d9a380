package de.akte.ingest.barcode;

import java.util.List;

/** The barcodes found on one page, in no particular order. */
public record PageBarcodes(List<DecodedBarcode> codes) {

    public PageBarcodes {
        codes = List.copyOf(codes);
    }

    /** What these codes mean under the given settings; a file reference wins over a plain separator code. */
    public SeparatorSignal signal(SeparatorSettings settings) {
        SeparatorSignal signal = SeparatorSignal.none();
        for (DecodedBarcode code : codes) {
            String content = code.content().strip();
            if (content.startsWith(settings.fileReferencePrefix())) {
                String reference = content.substring(settings.fileReferencePrefix().length()).strip();
                if (!reference.isEmpty()) {
                    return SeparatorSignal.withFileReference(reference);
                }
            }
            if (content.equals(settings.separatorContent())) {
                signal = SeparatorSignal.plain();
            }
        }
        return signal;
    }
}
