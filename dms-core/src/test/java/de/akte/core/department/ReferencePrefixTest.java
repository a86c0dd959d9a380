package de.akte.core.department;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferencePrefixTest {

    @Test
    void aDepartmentNumbersUnderItsCodeAndADashByDefault() {
        assertEquals("63-", ReferencePrefix.defaultFor("63").value());
        assertEquals("bau.a-", ReferencePrefix.defaultFor("bau.a").value());
    }

    @Test
    void isWrittenLikeAFileReference() {
        assertEquals("Az. 63 -", new ReferencePrefix("  Az.   63 -\t").value());
        assertThrows(IllegalArgumentException.class, () -> new ReferencePrefix(null));
        assertThrows(IllegalArgumentException.class, () -> new ReferencePrefix("  "));
        assertThrows(IllegalArgumentException.class, () -> new ReferencePrefix("-63"), "must begin with a letter or digit");
        assertThrows(IllegalArgumentException.class, () -> new ReferencePrefix("63%"));
        assertThrows(IllegalArgumentException.class, () -> new ReferencePrefix("63_%"));
        assertThrows(IllegalArgumentException.class, () -> new ReferencePrefix("6".repeat(51)));
        assertEquals(50, new ReferencePrefix("6".repeat(50)).value().length());
    }

    @Test
    void beginsAReferenceWithoutRegardToCase() {
        ReferencePrefix prefix = new ReferencePrefix("OA-");
        assertTrue(prefix.begins("OA-12/2025"));
        assertTrue(prefix.begins("oa-12/2025"));
        assertTrue(prefix.begins("OA-"));
        assertFalse(prefix.begins("OA"));
        assertFalse(prefix.begins("XOA-1"));
        assertFalse(prefix.begins(null));
    }

    @Test
    void overlapsWhenOneBeginsWithTheOther() {
        ReferencePrefix building = new ReferencePrefix("63-");
        assertTrue(building.overlaps(new ReferencePrefix("63-")));
        assertTrue(building.overlaps(new ReferencePrefix("63-1")));
        assertTrue(new ReferencePrefix("63-1").overlaps(building));
        assertTrue(building.overlaps(new ReferencePrefix("6")));
        assertTrue(new ReferencePrefix("oa-").overlaps(new ReferencePrefix("OA-")));
        assertFalse(building.overlaps(new ReferencePrefix("63.")));
        assertFalse(building.overlaps(new ReferencePrefix("632-")));
    }
}
