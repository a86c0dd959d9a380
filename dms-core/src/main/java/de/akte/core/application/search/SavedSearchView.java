package de.akte.core.application.search;

import java.time.Instant;

/** A saved search as the API shows it; {@code query} is the search's query string, e.g. {@code q=Bauantrag&year=2025}. */
public record SavedSearchView(long id, String name, String query, Instant createdAt) {
}
