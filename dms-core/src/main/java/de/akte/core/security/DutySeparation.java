package de.akte.core.security;

import java.util.Optional;
import java.util.Set;

/**
 * Roles one person may not hold together. An administrator who is also a records officer could give themselves
 * the second pair of eyes that disposal and the lifting of legal holds demand, and erase the traces.
 */
public final class DutySeparation {

    private DutySeparation() {
    }

    /** Why these roles may not be held by one account, if they may not. */
    public static Optional<String> conflictIn(Set<Role> roles) {
        if (roles.contains(Role.ADMIN) && roles.contains(Role.RECORDS_OFFICER)) {
            return Optional.of("separation of duties: one account cannot be both ADMIN and RECORDS_OFFICER; "
                    + "give the records officer a second account");
        }
        return Optional.empty();
    }
}
