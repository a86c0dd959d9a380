package de.akte.core.security;

import java.util.Set;

/**
 * Who is asking: the authenticated user with roles and department codes. Passed explicitly to
 * every service call so that access rules never depend on hidden state.
 */
public record Caller(String username, Set<Role> roles, Set<String> departments) {

    public Caller {
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
    }

    /** Records officers and administrators work across departments; everyone else only in their own. */
    public boolean seesAllDepartments() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.RECORDS_OFFICER);
    }

    public boolean canSee(String departmentCode) {
        return seesAllDepartments() || departments.contains(departmentCode);
    }

    /** Department codes the caller may see, or {@code null} for all. */
    public Set<String> visibleDepartments() {
        return seesAllDepartments() ? null : departments;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
