package de.akte.core.hold;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores and finds legal holds. */
public interface LegalHoldRepository {
    void add(LegalHold hold);

    Optional<LegalHold> find(long id);

    /** Active holds on any of the given targets of one type. */
    List<LegalHold> activeOn(HoldTarget type, Collection<Long> targetIds);

    /** Every hold, newest first; only active ones when asked. */
    List<LegalHold> list(boolean activeOnly, int offset, int limit);
}
