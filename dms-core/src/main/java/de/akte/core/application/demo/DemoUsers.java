package de.akte.core.application.demo;

import de.akte.core.department.Department;
import de.akte.core.security.PasswordHasher;
import de.akte.core.security.Role;
import de.akte.core.security.UserAccount;
import de.akte.core.security.UserRepository;
import de.akte.core.shared.Clock;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The demo town's staff: one user of each role, and a second records officer for the four-eyes approval. */
public class DemoUsers {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DemoUsers(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The hash of the demo users' common password; slow by design, so outside any unit of work. */
    String hash(char[] password) {
        return hasher.hash(password);
    }

    /** Adds the users with the password hash to the departments (inside a unit of work). */
    void seed(String hash, Map<String, Department> dept) {
        user("sachbearbeitung.ordnung", hash, EnumSet.of(Role.CLERK), Set.of(dept.get("32")));
        user("sachbearbeitung.bau", hash, EnumSet.of(Role.CLERK), Set.of(dept.get("63")));
        user("sachbearbeitung.sozial", hash, EnumSet.of(Role.CLERK), Set.of(dept.get("50")));
        user("scanstelle", hash, EnumSet.of(Role.SCANNER), Set.copyOf(dept.values()));
        user("registratur", hash, EnumSet.of(Role.RECORDS_OFFICER), Set.of());
        user("registratur2", hash, EnumSet.of(Role.RECORDS_OFFICER), Set.of());
    }

    private void user(String username, String hash, Set<Role> roles, Set<Department> memberOf) {
        users.add(new UserAccount(username, hash, roles, memberOf, clock.now()));
    }
}
