package de.akte.ingest.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

    private static final String LETTER = """
            Stadt Musterstadt · Ordnungsamt · Rathausplatz 1 · 12345 Musterstadt

            Herrn
            Max Mustermann
            Lindenweg 7
            12345 Musterstadt
                                                        Musterstadt, 27.11.2026
            Aktenzeichen: 63-10/2025
            Ihr Schreiben vom 12.10.2026

            Gebührenbescheid

            Sehr geehrter Herr Mustermann,
            für die Genehmigung setzen wir eine Gebühr von 1.234,56 € fest.
            Bitte überweisen Sie den Betrag bis zum 15. Dezember 2026 auf das Konto
            IBAN: DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX
            unter Angabe des Az.: 32-41/2025.
            """;

    private final MetadataExtractor extractor = new MetadataExtractor();

    private static List<ExtractedField> of(List<ExtractedField> fields, FieldKind kind) {
        return fields.stream().filter(f -> f.kind() == kind).toList();
    }

    private static void assertLocated(List<String> pages, ExtractedField f) {
        assertEquals(f.raw(), pages.get(f.page() - 1).substring(f.start(), f.end()), "offsets of " + f);
    }

    @Test
    void findsEveryKindInATypicalMunicipalLetter() {
        List<String> pages = List.of(LETTER);
        List<ExtractedField> fields = extractor.extract(pages);

        assertEquals(List.of("2026-11-27"), of(fields, FieldKind.DOCUMENT_DATE).stream().map(ExtractedField::value).toList());
        assertEquals(List.of("63-10/2025", "32-41/2025"), of(fields, FieldKind.FILE_REFERENCE).stream().map(ExtractedField::value).toList());
        assertEquals(List.of("DE89370400440532013000"), of(fields, FieldKind.IBAN).stream().map(ExtractedField::value).toList());
        assertEquals(List.of("1234.56"), of(fields, FieldKind.AMOUNT).stream().map(ExtractedField::value).toList());
        assertEquals(List.of("Stadt Musterstadt"), of(fields, FieldKind.SENDER).stream().map(ExtractedField::value).toList());
        fields.forEach(f -> assertLocated(pages, f));
        assertEquals("DE89 3704 0044 0532 0130 00", of(fields, FieldKind.IBAN).get(0).raw());
    }

    @Test
    void reportsPageAndOffsetsWithinThatPage() {
        List<String> pages = List.of("Seite eins ohne Angaben.\n", "Zweite Seite\nZahlbar: EUR 12,00 bis Ende\nAZ 32-41/2025\n");
        List<ExtractedField> fields = extractor.extract(pages);

        ExtractedField amount = of(fields, FieldKind.AMOUNT).get(0);
        assertEquals(2, amount.page());
        assertEquals(pages.get(1).indexOf("EUR 12,00"), amount.start());
        assertEquals(amount.start() + "EUR 12,00".length(), amount.end());
        ExtractedField ref = of(fields, FieldKind.FILE_REFERENCE).get(0);
        assertEquals(2, ref.page());
        assertEquals(pages.get(1).indexOf("32-41/2025"), ref.start());
        fields.forEach(f -> assertLocated(pages, f));
    }

    @Test
    void readsOcrNoisyLetter() {
        String noisy = """
                Muster Bau GmbH, Industriestr. 4, 54321 Beispielhausen
                Stadt Musterstadt
                Bauordnungsamt
                Datum: 27. Nov. 2026
                Az 3 2 - 4l / 2O25
                Rechnungsbetrag 1234,56 EUR
                IBAN DE89370400440532013000
                """.replace("3 2 -", "32 -");
        List<String> pages = List.of(noisy);
        List<ExtractedField> fields = extractor.extract(pages);

        assertEquals("2026-11-27", of(fields, FieldKind.DOCUMENT_DATE).get(0).value());
        assertEquals(List.of("32-41/2025"), of(fields, FieldKind.FILE_REFERENCE).stream().map(ExtractedField::value).toList());
        assertEquals("32 - 4l / 2O25", of(fields, FieldKind.FILE_REFERENCE).get(0).raw());
        assertEquals("1234.56", of(fields, FieldKind.AMOUNT).get(0).value());
        assertEquals("DE89370400440532013000", of(fields, FieldKind.IBAN).get(0).value());
        assertEquals("Muster Bau GmbH", of(fields, FieldKind.SENDER).get(0).value());
        fields.forEach(f -> assertLocated(pages, f));
    }

    @Test
    void findsNothingInUnrelatedText() {
        String prose = """
                Die Linde blüht im Juni. Im Garten stehen 3 Bäume und 12 Sträucher,
                der Zaun ist 1,5 m hoch. Version 2.3.1 der Anleitung liegt bei.
                Insgesamt war es ein schöner Tag am See.
                """;
        assertEquals(List.of(), extractor.extract(List.of(prose, prose)));
        assertEquals(List.of(), extractor.extract(List.of()));
    }

    @Test
    void returnsAtMostOneDocumentDateAndOneSender() {
        List<ExtractedField> fields = extractor.extract(List.of(LETTER, LETTER));
        assertEquals(1, of(fields, FieldKind.DOCUMENT_DATE).size());
        assertEquals(1, of(fields, FieldKind.SENDER).size());
        assertEquals(1, of(fields, FieldKind.DOCUMENT_DATE).get(0).page());
    }

    @Test
    void prefersPlaceCommaDateOverEarlierDate() {
        String text = "Ihr Schreiben vom 01.10.2026\n\nBeispielhausen, 5.11.2026\nText";
        assertEquals("2026-11-05", of(extractor.extract(List.of(text)), FieldKind.DOCUMENT_DATE).get(0).value());
    }

    @Test
    void usesDateNearTopOfFirstPageWhenNothingBetter() {
        String text = "Mitteilung\n2026-03-01\nText ohne weiteres.";
        assertEquals("2026-03-01", of(extractor.extract(List.of(text)), FieldKind.DOCUMENT_DATE).get(0).value());
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ExtractedField>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> extractor.extract(List.of(LETTER))));
            }
            List<ExtractedField> expected = extractor.extract(List.of(LETTER));
            for (Future<List<ExtractedField>> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findsEveryReferenceInALongDocument() {
        // speed is measured by benchmarks, not asserted here; this keeps the many-pages path correct
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pages.add(LETTER.repeat(4));
        }
        List<ExtractedField> fields = extractor.extract(pages);
        assertEquals(400, of(fields, FieldKind.FILE_REFERENCE).size());
        assertEquals(50, fields.stream().filter(f -> f.kind() == FieldKind.FILE_REFERENCE).map(ExtractedField::page)
                .distinct().count());
    }
}
