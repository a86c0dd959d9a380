package de.akte.ingest.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataSenderTest {

    private final SenderFinder finder = new SenderFinder();

    @Test
    void takesOrganisationLineFromLetterhead() {
        String page = "\n  Sportverein Grün-Weiß e.V. | Am Sportplatz 3 | 12345 Musterstadt\n\nFrau\nErika Musterfrau\n";
        ExtractedField sender = finder.find(page).orElseThrow();
        assertEquals("Sportverein Grün-Weiß e.V.", sender.value());
        assertEquals(sender.raw(), page.substring(sender.start(), sender.end()));
    }

    @Test
    void takesFirstLineBeforeRecipientBlockWhenNoOrganisationIsNamed() {
        ExtractedField sender = finder.find("Dr. Hans Beispiel, Ahornweg 2, 12345 Musterstadt\n\nAn die\nStadtverwaltung\n").orElseThrow();
        assertEquals("Dr. Hans Beispiel", sender.value());
    }

    @Test
    void returnsNothingWithoutLetterStructure() {
        assertTrue(finder.find("Protokoll der Sitzung\nAnwesend: alle\n").isEmpty());
        assertTrue(finder.find("").isEmpty());
    }
}
