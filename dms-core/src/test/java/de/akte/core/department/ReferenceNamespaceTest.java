package de.akte.core.department;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceNamespaceTest {

    @Test
    void containsTheReferencesBeginningWithOneOfItsPrefixes() {
        ReferenceNamespace building = ReferenceNamespace.of(List.of("63-", "63."));
        assertTrue(building.contains("63-10/2025"));
        assertTrue(building.contains("63.10/2025"));
        assertFalse(building.contains("32-41/2012"));
        assertFalse(building.contains("630-1/2025"));
        assertFalse(building.contains("63/2025"));
    }

    @Test
    void claimsAReferenceWithItsLongestMatchingPrefix() {
        ReferenceNamespace namespace = ReferenceNamespace.of(List.of("63-", "63-1"));
        assertEquals(OptionalInt.of(4), namespace.claim("63-10/2025"));
        assertEquals(OptionalInt.of(3), namespace.claim("63-20/2025"));
        assertEquals(OptionalInt.empty(), namespace.claim("32-41/2012"));
    }

    @Test
    void keepsEachPrefixOnceSortedAndNeedsAtLeastOne() {
        ReferenceNamespace namespace = ReferenceNamespace.of(List.of("63.", "63-", " 63- ", "63."));
        assertEquals(List.of("63-", "63."), namespace.values());
        assertEquals(List.of("OA-"), ReferenceNamespace.of(List.of("OA-", "oa-")).values());
        assertThrows(IllegalArgumentException.class, () -> ReferenceNamespace.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ReferenceNamespace.of(null));
        assertThrows(IllegalArgumentException.class, () -> ReferenceNamespace.of(List.of("63-", "")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ReferenceNamespace.MAX_PREFIXES; i++) {
            many.add("p" + i + "-");
        }
        assertThrows(IllegalArgumentException.class, () -> ReferenceNamespace.of(many));
    }

    @Test
    void namesTheFirstPairOfOverlappingPrefixes() {
        ReferenceNamespace building = ReferenceNamespace.of(List.of("63-", "63."));
        ReferenceNamespace other = ReferenceNamespace.of(List.of("32-", "63.1"));
        Optional<ReferenceNamespace.Overlap> overlap = building.overlapWith(other);
        assertEquals("63.", overlap.orElseThrow().mine().value());
        assertEquals("63.1", overlap.orElseThrow().theirs().value());
        assertTrue(building.overlapWith(ReferenceNamespace.of(List.of("32-", "630-"))).isEmpty());
    }

    @Test
    void tellsWhichPrefixesAreNew() {
        ReferenceNamespace before = ReferenceNamespace.of(List.of("63-"));
        ReferenceNamespace after = ReferenceNamespace.of(List.of("63-", "63.", "BA-"));
        assertEquals(List.of("63.", "BA-"), after.without(before).stream().map(ReferencePrefix::value).toList());
        assertEquals(List.of(), ReferenceNamespace.of(List.of("ba-")).without(ReferenceNamespace.of(List.of("BA-"))));
    }

    @Test
    void describesItselfForAMessage() {
        assertEquals("63-", ReferenceNamespace.defaultFor("63").describe());
        assertEquals("63-, 63. or BA-", ReferenceNamespace.of(List.of("BA-", "63.", "63-")).describe());
    }
}
