package de.akte.ingest.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileReferenceFinderTest {

    private final FileReferenceFinder finder = new FileReferenceFinder(FileReferencePatterns.DEFAULT);

    private List<String> values(String text) {
        return finder.find(1, text).stream().map(ExtractedField::value).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AZ 32-41/2025|32-41/2025",
        "Az.: 32-41/2025|32-41/2025",
        "Aktenzeichen: 63-10/2025|63-10/2025",
        "Geschäftszeichen 50-20/2026|50-20/2026",
        "Az 32 - 41 / 2025|32-41/2025",
        "Az.: 32-4l/2O25|32-41/2025",
        "AZ: 3I-4l/2O25|31-41/2025",
        "unser Az. 32-41/2025. In der Sache|32-41/2025",
    })
    void normalisesLabelledReferencesIncludingOcrNoise(String text, String expected) {
        assertEquals(List.of(expected), values(text));
    }

    @Test
    void findsMultipleReferencesWithCorrectOffsets() {
        String text = "Bezug: Az. 32-41/2025 und 63-10/2024\nGeschäftszeichen: 50-20/2026";
        List<ExtractedField> found = finder.find(3, text);
        assertEquals(List.of("32-41/2025", "63-10/2024", "50-20/2026"), found.stream().map(ExtractedField::value).toList());
        for (ExtractedField f : found) {
            assertEquals(3, f.page());
            assertEquals(f.raw(), text.substring(f.start(), f.end()));
        }
    }

    @Test
    void doesNotCorrectOcrNoiseWithoutALabel() {
        assertEquals(List.of(), values("Zimmer 32-4l/2O25 im Erdgeschoss"));
    }

    @Test
    void ignoresNumbersThatOnlyResembleAReference() {
        assertEquals(List.of(), values("Tel. 0221/123-456, Größe 2-3/4 Zoll, Az. fehlt, Datum 27.11.2026"));
    }

    @Test
    void usesConfiguredShapesAndCanRejectBareReferences() {
        FileReferenceFinder custom = new FileReferenceFinder(FileReferencePatterns.of(List.of("[A-Z]{2}\\d-\\d{3}/\\d{2}", "\\d{2}-\\d{2}/\\d{4}"), false));
        assertEquals(List.of(), custom.find(1, "Bezug 32-41/2025").stream().map(ExtractedField::value).toList());
        assertEquals(List.of("32-41/2025"), custom.find(1, "Az 32-41/2O25").stream().map(ExtractedField::value).toList());
    }
}
