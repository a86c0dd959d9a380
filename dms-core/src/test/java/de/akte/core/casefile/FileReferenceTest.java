package de.akte.core.casefile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An Aktenzeichen is kept as written, trimmed and with inner white space collapsed. */
class FileReferenceTest {

    @Test
    void keepsAReferenceAsWrittenButTrimsAndCollapsesWhiteSpace() {
        assertEquals("32-41/2025", new FileReference("  32-41/2025\t").value());
        assertEquals("Az. 32 41:2025_a", new FileReference("Az.  32\t41:2025_a").value());
        assertEquals("Ä-1", new FileReference("Ä-1").toString());
    }

    @Test
    void refusesWhatCannotBePrintedAsAReference() {
        assertThrows(IllegalArgumentException.class, () -> new FileReference(null));
        assertThrows(IllegalArgumentException.class, () -> new FileReference("   "));
        assertThrows(IllegalArgumentException.class, () -> new FileReference("-32"), "starts with a letter or digit");
        assertThrows(IllegalArgumentException.class, () -> new FileReference("32#41"));
        assertThrows(IllegalArgumentException.class, () -> new FileReference("32<script>"));
    }

    @Test
    void takesAtMost100Characters() {
        assertEquals(100, new FileReference("a".repeat(100)).value().length());
        assertThrows(IllegalArgumentException.class, () -> new FileReference("a".repeat(101)));
    }
}
