package de.akte.core.application;

import java.util.List;

/** An administrator's change to a user; null fields stay as they are. */
public record UserChange(List<String> roles, List<String> departments, String password, Boolean enabled) {
}
