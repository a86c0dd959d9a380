package de.akte.core.application.search;

import de.akte.core.search.SavedSearch;
import de.akte.core.search.SavedSearchRepository;
import de.akte.core.security.Caller;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;

import java.util.List;

/**
 * A user's saved searches. Each user sees only their own; running one still applies the caller's access, so a saved
 * search can never show more than a fresh one.
 */
public class SavedSearchService {

    private final UnitOfWork unitOfWork;
    private final SavedSearchRepository searches;
    private final Clock clock;

    public SavedSearchService(UnitOfWork unitOfWork, SavedSearchRepository searches, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.searches = searches;
        this.clock = clock;
    }

    public List<SavedSearchView> mine(Caller caller) {
        return unitOfWork.call(() -> searches.ofUser(caller.username()).stream().map(SavedSearchService::view).toList());
    }

    public SavedSearchView save(Caller caller, String name, String query) {
        String n = required(name, "name", 200);
        String q = required(query, "query", 2000);
        return unitOfWork.call(() -> {
            if (searches.findByName(caller.username(), n).isPresent()) {
                throw new ConflictException("you already have a saved search named " + n);
            }
            SavedSearch search = new SavedSearch(caller.username(), n, q, clock.now());
            searches.add(search);
            return view(search);
        });
    }

    public void delete(Caller caller, long id) {
        unitOfWork.run(() -> {
            // someone else's saved search reads as absent: its name is private
            SavedSearch search = searches.find(id).filter(s -> s.username().equals(caller.username()))
                    .orElseThrow(() -> new NotFoundException("no saved search " + id));
            searches.remove(search);
        });
    }

    private static SavedSearchView view(SavedSearch s) {
        return new SavedSearchView(s.id(), s.name(), s.query(), s.createdAt());
    }

    private static String required(String raw, String field, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, field + " must not be empty");
        }
        String value = raw.strip();
        if (value.length() > max) {
            throw new InvalidInputException(field, field + " may have at most " + max + " characters");
        }
        return value;
    }
}
