package de.akte.ingest.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataAmountTest {

    private final AmountFinder finder = new AmountFinder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Gebühr 1.234,56 €|1234.56|1.234,56 €",
        "Betrag: EUR 1.234,56|1234.56|EUR 1.234,56",
        "zu zahlen 1234,56 EUR bis|1234.56|1234,56 EUR",
        "Auslagen € 12,00|12.00|€ 12,00",
        "Summe 1.000.000,00€|1000000.00|1.000.000,00€",
    })
    void normalisesEuroAmounts(String text, String value, String raw) {
        List<ExtractedField> found = finder.find(1, text);
        assertEquals(1, found.size());
        assertEquals(value, found.get(0).value());
        assertEquals(raw, found.get(0).raw());
        assertEquals(text.indexOf(raw), found.get(0).start());
    }

    @Test
    void ignoresNumbersWithoutCurrency() {
        assertEquals(List.of(), finder.find(1, "Zinssatz 3,50 %, Fläche 1.234,56 m²"));
    }
}
