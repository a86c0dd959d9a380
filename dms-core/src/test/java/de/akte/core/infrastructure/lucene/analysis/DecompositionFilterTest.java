package de.akte.core.infrastructure.lucene.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecompositionFilterTest {

    @Test
    void runsAreEveryConsecutiveSpanOfPiecesButTheWhole() {
        assertEquals(List.of("bau", "baugenehmigungs", "genehmigungs", "genehmigungsantrag", "antrag"),
                DecompositionFilter.runs("baugenehmigungsantrag", new int[] {0, 3, 15}, new int[] {3, 15, 21}, 3));
    }

    @Test
    void piecesShorterThanTheMinimumAreDroppedButStayInLongerRuns() {
        assertEquals(List.of("abwasser", "abwasserab", "ababfuhr", "abfuhr"),
                DecompositionFilter.runs("abwasserababfuhr", new int[] {0, 8, 10}, new int[] {8, 10, 16}, 3));
    }

    @Test
    void runsKeepTheSeparatorsBetweenPieces() {
        assertEquals(List.of("32", "32-41", "41", "41/2025", "2025"),
                DecompositionFilter.runs("32-41/2025", new int[] {0, 3, 6}, new int[] {2, 5, 10}, 1));
    }

    @Test
    void manyPiecesGiveOnlySinglePieces() {
        String word = "a-b-c-d-e-f-g";
        int[] starts = {0, 2, 4, 6, 8, 10, 12};
        int[] ends = {1, 3, 5, 7, 9, 11, 13};
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), DecompositionFilter.runs(word, starts, ends, 1));
    }
}
