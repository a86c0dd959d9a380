package de.akte.web.infrastructure;

/** Fired first when the application stops, before its workers do: watchers stop bringing in new work. */
public record ApplicationStopping() {
}
