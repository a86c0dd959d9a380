package de.akte.core.infrastructure.lucene.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FileReferenceCharFilterTest {

    private static String filtered(String text) throws IOException {
        StringBuilder out = new StringBuilder();
        try (FileReferenceCharFilter filter = new FileReferenceCharFilter(new StringReader(text))) {
            char[] buffer = new char[3];
            int n;
            while ((n = filter.read(buffer, 0, buffer.length)) != -1) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }

    @Test
    void marksDashesAndSlashesNextToADigitBetweenLettersOrDigits() throws IOException {
        assertEquals("32\u203F41\u20402025 Covid\u203F19 III\u20402", filtered("32-41/2025 Covid-19 III/2"));
    }

    @Test
    void leavesOtherDashesAndSlashesAlone() throws IOException {
        assertEquals("E-Mail und/oder 32 - 41 -5 x/ /7", filtered("E-Mail und/oder 32 - 41 -5 x/ /7"));
    }

    @Test
    void keepsTheLengthSoOffsetsNeedNoCorrection() throws IOException {
        String text = "Az. 32-41/2025 und III/2-123.45";
        assertEquals(text.length(), filtered(text).length());
    }

    @Test
    void turnsStrayMarksIntoSpaces() throws IOException {
        assertEquals("a b c", filtered("a\u203Fb\u2040c"));
    }
}
