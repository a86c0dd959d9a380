package de.akte.ingest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

    @Test
    void identicalTextHasNoErrors() {
        assertEquals(0, WordErrorRate.between("Mit freundlichen Grüßen", "Mit freundlichen Grüßen"));
    }

    @Test
    void ignoresWhitespaceAndPunctuationAtWordEdges() {
        assertEquals(0, WordErrorRate.between("Sehr geehrte Frau Müller,\nIhr Antrag.",
                "  Sehr  geehrte\tFrau Müller Ihr „Antrag“ "));
    }

    @Test
    void keepsPunctuationInsideWords() {
        assertEquals(List.of("Aktenzeichen", "32-41/2025", "27.11.2026"),
                WordErrorRate.words("Aktenzeichen: 32-41/2025, 27.11.2026."));
    }

    @Test
    void countsSubstitutionsInsertionsAndDeletionsPerExpectedWord() {
        assertEquals(0.25, WordErrorRate.between("eins zwei drei vier", "eins zwel drei vier"));
        assertEquals(0.25, WordErrorRate.between("eins zwei drei vier", "eins zwei drei"));
        assertEquals(0.25, WordErrorRate.between("eins zwei drei vier", "eins zwei x drei vier"));
        assertEquals(1.0, WordErrorRate.between("eins zwei", ""));
    }

    @Test
    void emptyTruthIsPerfectOnlyForEmptyText() {
        assertEquals(0, WordErrorRate.between(" ", ""));
        assertEquals(1, WordErrorRate.between("", "Rauschen"));
    }
}
