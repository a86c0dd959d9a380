package de.akte.ingest.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataIbanTest {

    private final IbanFinder finder = new IbanFinder();

    private List<String> values(String text) {
        return finder.find(1, text).stream().map(ExtractedField::value).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IBAN: DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX|DE89370400440532013000",
        "IBAN DE89370400440532013000.|DE89370400440532013000",
        "Konto AT61 1904 3002 3457 3201|AT611904300234573201",
        "NL91ABNA0417164300 (Niederlande)|NL91ABNA0417164300",
        "GB82 WEST 1234 5698 7654 32|GB82WEST12345698765432",
    })
    void findsValidIbansWithOrWithoutSpaces(String text, String expected) {
        List<ExtractedField> found = finder.find(1, text);
        assertEquals(List.of(expected), found.stream().map(ExtractedField::value).toList());
        assertEquals(found.get(0).raw(), text.substring(found.get(0).start(), found.get(0).end()));
    }

    @Test
    void rejectsIbanWithWrongCheckDigits() {
        assertEquals(List.of(), values("IBAN: DE89 3704 0044 0532 0130 01"));
        assertEquals(List.of(), values("IBAN: DE88370400440532013000"));
    }

    @Test
    void findsSeveralIbansOnOnePage() {
        assertEquals(List.of("DE89370400440532013000", "AT611904300234573201"),
                values("Konto 1: DE89 3704 0044 0532 0130 00\nKonto 2: AT61 1904 3002 3457 3201"));
    }
}
