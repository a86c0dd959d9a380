package de.akte.core.application.directory;

import java.util.List;

/** An administrator's request to create a user. */
public record NewUser(String username, String password, List<String> roles, List<String> departments) {
}
