package de.akte.core.audit;

import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What administrators read from the audit trail: whether the chain is intact, the history of one target, and the
 * entries of one user or one period (a data-protection information request). Administrators only.
 */
public final class AuditReview {

    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;

    public AuditReview(AuditTrail audit, UnitOfWork unitOfWork) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    /** One page of the entries a query matches, newest first, and how many match in all. */
    public record Found(long total, List<AuditEntry> entries) {
    }

    /** Walks the whole chain and names the first entry that was changed, removed or inserted. */
    public ChainVerification verify(Caller caller) {
        Access.requireAdministrator(caller);
        return unitOfWork.call(audit::verify);
    }

    /**
     * The newest entries about one target; a listing that names neither a user nor a period must name the target.
     */
    public List<AuditEntry> historyOf(Caller caller, String targetType, String targetId, int limit) {
        Access.requireAdministrator(caller);
        if (targetType == null || targetId == null) {
            throw new InvalidInputException("user", "name a user, a period (from, to), or targetType and "
                    + "targetId (e.g. document, 42)");
        }
        return unitOfWork.call(() -> audit.historyOf(targetType, targetId, limit));
    }

    /** One page ({@code page} counted from 0, {@code size} entries) of the entries the query matches. */
    public Found find(Caller caller, AuditQuery query, int page, int size) {
        Access.requireAdministrator(caller);
        return unitOfWork.call(() -> new Found(audit.count(query), audit.find(query, page * size, size)));
    }

    /**
     * Answers a search as a request states it, reading the request only once the caller is known to be an
     * administrator: anyone else is refused whatever the request holds, and only an administrator learns what is
     * wrong with a malformed one. A search of a target only answers with that target's history.
     */
    public Page<AuditEntry> search(Caller caller, Supplier<AuditSearch> request) {
        Access.requireAdministrator(caller);
        AuditSearch search = request.get();
        AuditQuery query = search.query();
        if (search.ofTargetOnly()) {
            List<AuditEntry> history = historyOf(caller, query.targetType(), query.targetId(), search.size());
            return new Page<>(history.size(), 0, search.size(), history);
        }
        Found found = find(caller, query, search.page(), search.size());
        return new Page<>(found.total(), search.page(), search.size(), found.entries());
    }
}
