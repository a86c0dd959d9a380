package de.akte.ingest.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    private static final SeparatorSignal PAGE = SeparatorSignal.none();
    private static final SeparatorSignal SEPARATOR = SeparatorSignal.plain();

    private final BatchSplitter splitter = new BatchSplitter();

    @Test
    void aBatchWithoutSeparatorsIsOneDocument() {
        assertEquals(List.of(doc(null, 0, 1, 2)), splitter.split(List.of(PAGE, PAGE, PAGE)));
    }

    @Test
    void pagesBeforeTheFirstSeparatorFormADocumentAndSeparatorsAreDropped() {
        assertEquals(List.of(doc(null, 0, 1), doc(null, 3), doc("32-41/2025", 5, 6)),
                splitter.split(List.of(PAGE, PAGE, SEPARATOR, PAGE,
                        SeparatorSignal.withFileReference("32-41/2025"), PAGE, PAGE)));
    }

    @Test
    void consecutiveSeparatorsMakeNoEmptyDocumentAndTheLastOneDecidesTheFileReference() {
        assertEquals(List.of(doc("7 C 12/26", 3)),
                splitter.split(List.of(SeparatorSignal.withFileReference("1/2020"), SEPARATOR,
                        SeparatorSignal.withFileReference("7 C 12/26"), PAGE, SEPARATOR)));
    }

    @Test
    void aFileReferenceAppliesOnlyToTheDocumentItStarts() {
        assertEquals(List.of(doc("32-41/2025", 1), doc(null, 3)),
                splitter.split(List.of(SeparatorSignal.withFileReference("32-41/2025"), PAGE, SEPARATOR, PAGE)));
    }

    @Test
    void onlySeparatorsOrNothingMakeNoDocuments() {
        assertEquals(List.of(), splitter.split(List.of(SEPARATOR, SEPARATOR)));
        assertEquals(List.of(), splitter.split(List.of()));
    }

    private static SplitDocument doc(String fileReference, Integer... pages) {
        return new SplitDocument(List.of(pages), Optional.ofNullable(fileReference));
    }
}
