package de.akte.ingest.recognition;

import de.akte.ingest.barcode.BatchSplitter;
import de.akte.ingest.barcode.SeparatorSheetDetector;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.image.Deskew;
import de.akte.ingest.image.ScannedPageReader;
import de.akte.ingest.ocr.TesseractOcr;
import de.akte.ingest.pdfa.ArchivalPdfWriter;

/**
 * What a {@link ScanRecognizer} does to a scan besides detecting its type and extracting text: reads its pages
 * within a decoded-page budget, finds separator sheets and cuts the batch at them, OCRs the pages while Tesseract
 * can run, and writes archival PDF/A.
 *
 * @param reader        decodes the pages, admitted against the budget
 * @param separators    tells separator sheets by their barcodes
 * @param splitter      cuts a batch into documents at the separators
 * @param pageOcr       recognises one page
 * @param ocrCapability whether Tesseract can run now
 * @param pdfWriter     writes the archival rendition of a whole scan
 * @param partWriter    writes each document cut from a batch
 */
public record ScanSteps(ScannedPageReader reader, SeparatorSheetDetector separators, BatchSplitter splitter,
                        PageOcr pageOcr, OcrCapability ocrCapability, ArchivalPdfWriter pdfWriter,
                        BatchPartWriter partWriter) {

    /**
     * The steps as the settings describe them.
     *
     * @param budget admits every decoded page until its OCR is done; shared with everything else in this JVM that
     *               decodes pages
     */
    public static ScanSteps of(RecognitionSettings settings, DecodedPageBudget budget) {
        ArchivalPdfWriter pdfWriter = new ArchivalPdfWriter();
        return new ScanSteps(new ScannedPageReader(settings.limits(), budget),
                new SeparatorSheetDetector(settings.separators()), new BatchSplitter(),
                new PageOcr(new TesseractOcr(settings.ocr()), new Deskew(), settings.deskewAboveDegrees(),
                        settings.uprightConfidence()),
                new OcrCapability(settings.ocr()), pdfWriter, new BatchPartWriter(pdfWriter));
    }

    /** The steps as the settings describe them, with a page budget of their own: the default share of the heap. */
    public static ScanSteps of(RecognitionSettings settings) {
        return of(settings, DecodedPageBudget.ofHeap(Runtime.getRuntime().maxMemory()));
    }
}
