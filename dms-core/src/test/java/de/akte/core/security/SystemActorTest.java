package de.akte.core.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemActorTest {

    @Test
    void actsUnderASystemNameNoUsernameCanTake() {
        assertEquals("system:hot-folder", SystemActor.HOT_FOLDER.actorName());
        assertEquals("system:server-import", SystemActor.SERVER_IMPORT.actorName());
        for (SystemActor actor : SystemActor.values()) {
            assertTrue(actor.actorName().contains(":"), "usernames hold no colon: " + actor);
        }
    }

    @Test
    void actsLikeScanningStaffOnlyInTheDepartmentsItsWorkNames() {
        Caller importer = SystemActor.SERVER_IMPORT.caller(Set.of("BAU"));

        assertEquals("system:server-import", importer.username());
        assertEquals(Set.of(Role.SCANNER), importer.roles());
        assertFalse(importer.has(Role.ADMIN));
        assertTrue(importer.canSee("BAU"));
        assertFalse(importer.canSee("SOZ"));
    }

    @Test
    void findsTheActorByItsNameButNoPerson() {
        assertEquals(Optional.of(SystemActor.HOT_FOLDER), SystemActor.named("system:hot-folder"));
        assertEquals(Optional.empty(), SystemActor.named("admin"));
        assertEquals(Optional.empty(), SystemActor.named("system:someone-else"));
    }
}
