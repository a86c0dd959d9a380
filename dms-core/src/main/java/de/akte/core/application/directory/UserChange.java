package de.akte.core.application.directory;

import java.util.List;

/**
 * An administrator's change to a user; null fields stay as they are. {@code reason} says why and is required
 * whenever something changes: it goes to the audit trail with the administrator's name.
 */
public record UserChange(List<String> roles, List<String> departments, String password, Boolean enabled,
                         String reason) {
}
