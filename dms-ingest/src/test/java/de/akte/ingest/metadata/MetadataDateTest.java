package de.akte.ingest.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataDateTest {

    private final DateFinder finder = new DateFinder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Musterstadt, 27.11.2026|2026-11-27|27.11.2026",
        "Musterstadt, 27.11.26|2026-11-27|27.11.26",
        "Datum: 27. November 2026|2026-11-27|27. November 2026",
        "Datum: 27. Nov. 2026|2026-11-27|27. Nov. 2026",
        "Bad Beispiel, 1.3.2025|2025-03-01|1.3.2025",
        "Datum: 2026-11-27|2026-11-27|2026-11-27",
        "Datum: 3. März 2026|2026-03-03|3. März 2026",
    })
    void normalisesGermanAndIsoFormsToIso(String text, String iso, String raw) {
        ExtractedField date = finder.findDocumentDate(List.of(text)).orElseThrow();
        assertEquals(iso, date.value());
        assertEquals(raw, date.raw());
        assertEquals(text.indexOf(raw), date.start());
        assertEquals(text.indexOf(raw) + raw.length(), date.end());
    }

    @ParameterizedTest
    @CsvSource({"Datum: 31.02.2026", "Datum: 30. Februar 2026", "Datum: 2026-13-01", "Datum: 00.10.2026"})
    void rejectsImpossibleDates(String text) {
        assertTrue(finder.findDocumentDate(List.of(text)).isEmpty());
    }

    @Test
    void skipsInvalidDateAndTakesTheNextValidOne() {
        ExtractedField date = finder.findDocumentDate(List.of("Datum: 31.02.2026\nMusterstadt, 28.02.2026")).orElseThrow();
        assertEquals("2026-02-28", date.value());
    }

    @Test
    void ignoresPartsOfLongerNumbers() {
        assertTrue(finder.findDocumentDate(List.of("Version 1.2.2026.4 und Tel. 0221.12.3456")).isEmpty());
    }
}
