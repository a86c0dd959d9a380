package de.akte.core.search;

import java.util.List;
import java.util.Optional;

/** Where saved searches are kept. */
public interface SavedSearchRepository {

    void add(SavedSearch search);

    Optional<SavedSearch> find(long id);

    /** A user's saved searches, by name. */
    List<SavedSearch> ofUser(String username);

    Optional<SavedSearch> findByName(String username, String name);

    void remove(SavedSearch search);
}
