package de.akte.core.application.directory;

import java.time.Instant;
import java.util.Set;

/** A user account as administrators see it (never the password hash). */
public record UserView(String username, Set<String> roles, Set<String> departments, boolean enabled,
                       Instant createdAt) {
}
