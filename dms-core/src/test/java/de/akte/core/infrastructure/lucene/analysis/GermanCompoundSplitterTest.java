package de.akte.core.infrastructure.lucene.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GermanCompoundSplitterTest {

    private final GermanCompoundSplitter splitter = SharedSplitter.INSTANCE;

    @Test
    void splitsACompoundIntoItsWordsKeepingTheLinkingS() {
        assertEquals(List.of("bau", "genehmigungs", "antrag"), splitter.split("baugenehmigungsantrag"));
    }

    @Test
    void splitsFoldedSpellings() {
        assertEquals(List.of("strassen", "verkehr"), splitter.split("strassenverkehr"));
        assertEquals(List.of("gebuhren", "bescheid"), splitter.split("gebuhrenbescheid"));
    }

    @Test
    void leavesSimpleWordsShortWordsAndNonWordsAlone() {
        assertEquals(List.of(), splitter.split("antrag"));
        assertEquals(List.of(), splitter.split("hausa"));
        assertEquals(List.of(), splitter.split("32-41/2025"));
        assertEquals(List.of(), splitter.split("bau2genehmigung"));
        assertEquals(List.of(), splitter.split("bau".repeat(30)));
    }

    @Test
    void splitsTheShortestCompoundsOfTwoThreeLetterWords() {
        assertEquals(List.of("bau", "amt"), splitter.split("bauamt"));
    }

    @Test
    void givesTheSameAnswerWhenAskedAgain() {
        List<String> first = splitter.split("kindergartenbeitrag");
        assertEquals(List.of("kindergarten", "beitrag"), first);
        assertEquals(first, splitter.split("kindergartenbeitrag"));
    }
}
