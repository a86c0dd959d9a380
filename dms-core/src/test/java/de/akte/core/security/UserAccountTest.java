package de.akte.core.security;

import de.akte.core.department.Department;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An account signs in under a plain user name with at least one role; it can be disabled and its sessions ended. */
class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Department ordnung = new Department("32", "Ordnungsamt", NOW);
    private final Department bau = new Department("63", "Bauamt", NOW);
    private final UserAccount clerk = new UserAccount("m.mueller", "hash-1", Set.of(Role.CLERK), Set.of(ordnung), NOW);

    @Test
    void aNewAccountMaySignInWithItsRolesAndDepartments() {
        assertTrue(clerk.enabled());
        assertEquals(Set.of(Role.CLERK), clerk.roles());
        assertEquals(Set.of("32"), clerk.departmentCodes());
        assertEquals(0, clerk.credentialVersion());
        assertEquals(new Caller("m.mueller", Set.of(Role.CLERK), Set.of("32")), clerk.asCaller());
    }

    @Test
    void userNamesAreLowerCaseLettersDigitsAndDotsOf2To64Characters() {
        for (String name : new String[] {"ab", "m.mueller", "k-90@stadt.de", "x_y", "7a", "a".repeat(64)}) {
            assertEquals(name, new UserAccount(name, "h", Set.of(Role.CLERK), Set.of(), NOW).username());
        }
        for (String name : new String[] {null, "a", "Mueller", ".hidden", "-dash", "mit leer", "müller",
                "a".repeat(65)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new UserAccount(name, "h", Set.of(Role.CLERK), Set.of(), NOW), String.valueOf(name));
        }
    }

    @Test
    void anAccountNeedsARoleAndAPasswordHash() {
        assertThrows(IllegalArgumentException.class, () -> new UserAccount("m.mueller", "h", Set.of(), Set.of(), NOW));
        assertThrows(NullPointerException.class,
                () -> new UserAccount("m.mueller", null, Set.of(Role.CLERK), Set.of(), NOW));
        assertThrows(NullPointerException.class, () -> clerk.changePasswordHash(null));
        assertEquals("hash-1", clerk.passwordHash());
    }

    @Test
    void keepsItsOwnCopiesOfRolesAndDepartments() {
        Set<Role> roles = EnumSet.of(Role.CLERK);
        Set<Department> departments = new HashSet<>(Set.of(ordnung));
        UserAccount account = new UserAccount("k.krause", "h", roles, departments, NOW);
        roles.add(Role.ADMIN);
        departments.add(bau);
        assertEquals(Set.of(Role.CLERK), account.roles());
        assertEquals(Set.of("32"), account.departmentCodes());
        assertThrows(UnsupportedOperationException.class, () -> account.roles().add(Role.ADMIN));
    }

    @Test
    void aDisabledAccountCanBeEnabledAgain() {
        clerk.disable();
        assertFalse(clerk.enabled());
        clerk.enable();
        assertTrue(clerk.enabled());
    }

    @Test
    void endingTheSessionsVoidsEverythingIssuedBefore() {
        clerk.endSessions();
        clerk.endSessions();
        assertEquals(2, clerk.credentialVersion());
    }

    @Test
    void assigningReplacesRolesAndDepartments() {
        clerk.assign(Set.of(Role.SCANNER, Role.CLERK), Set.of(bau));
        assertEquals(Set.of(Role.SCANNER, Role.CLERK), clerk.roles());
        assertEquals(Set.of("63"), clerk.departmentCodes());
        assertEquals(Set.of("63"), clerk.asCaller().departments());
    }

    @Test
    void refusesToTakeTheLastRole() {
        assertThrows(IllegalArgumentException.class, () -> clerk.assign(Set.of(), Set.of(bau)));
        assertEquals(Set.of(Role.CLERK), clerk.roles());
        assertEquals(Set.of("32"), clerk.departmentCodes(), "a refused assignment changes nothing");
    }
}
