package de.akte.core.security;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator cannot be their own second pair of eyes as a records officer. */
class DutySeparationTest {

    @Test
    void anAdministratorCannotAlsoBeARecordsOfficer() {
        String reason = DutySeparation.conflictIn(Set.of(Role.ADMIN, Role.RECORDS_OFFICER)).orElseThrow();
        assertTrue(reason.startsWith("separation of duties"), reason);
        assertTrue(DutySeparation.conflictIn(EnumSet.allOf(Role.class)).isPresent());
    }

    @Test
    void everyOtherCombinationIsAllowed() {
        assertTrue(DutySeparation.conflictIn(Set.of(Role.ADMIN, Role.CLERK, Role.SCANNER)).isEmpty());
        assertTrue(DutySeparation.conflictIn(Set.of(Role.RECORDS_OFFICER, Role.CLERK, Role.SCANNER)).isEmpty());
        assertTrue(DutySeparation.conflictIn(Set.of(Role.ADMIN)).isEmpty());
        assertTrue(DutySeparation.conflictIn(Set.of()).isEmpty());
    }
}
