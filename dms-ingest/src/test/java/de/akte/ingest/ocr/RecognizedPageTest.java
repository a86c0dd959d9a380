package de.akte.ingest.ocr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecognizedPageTest {

    @Test
    void textInWideWordBoxesRunsHorizontally() {
        RecognizedPage page = page(new RecognizedWord("Bescheid", 10, 10, 210, 50, 95),
                new RecognizedWord("vom", 220, 10, 300, 50, 92), new RecognizedWord("I", 310, 10, 318, 50, 90));

        assertTrue(page.runsHorizontally());
    }

    @Test
    void textInTallWordBoxesDoesNotRunHorizontally() {
        RecognizedPage page = page(new RecognizedWord("Bescheid", 10, 10, 50, 210, 95),
                new RecognizedWord("vom", 10, 220, 50, 300, 92), new RecognizedWord("Antrag", 10, 320, 50, 500, 93));

        assertFalse(page.runsHorizontally());
    }

    @Test
    void shortWordsDoNotDecideTheDirection() {
        RecognizedPage page = page(new RecognizedWord("Amt", 10, 10, 90, 50, 95),
                new RecognizedWord("l", 100, 10, 104, 50, 92), new RecognizedWord("1.", 110, 10, 114, 50, 92));

        assertTrue(page.runsHorizontally());
    }

    @Test
    void meanConfidenceIsTheAverageOfTheWordsAndZeroWithoutWords() {
        assertEquals(80, page(new RecognizedWord("Antrag", 0, 0, 60, 10, 90),
                new RecognizedWord("vom", 70, 0, 100, 10, 70)).meanConfidence(), 1e-9);
        assertEquals(0, page().meanConfidence());
    }

    private static RecognizedPage page(RecognizedWord... words) {
        return new RecognizedPage(1000, 1000, "", List.of(words));
    }
}
