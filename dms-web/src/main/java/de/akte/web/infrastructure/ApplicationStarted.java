package de.akte.web.infrastructure;

/**
 * Fired once the application is up (schema migrated, workers running): watchers and jobs that bring in work of
 * their own start now. Observing it keeps {@link Startup} free of them.
 */
public record ApplicationStarted(AkteSettings settings) {
}
