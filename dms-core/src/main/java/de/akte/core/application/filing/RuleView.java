package de.akte.core.application.filing;

import de.akte.core.classification.ClassificationRule;

import java.time.Instant;

/** A classification rule as the API shows it. */
public record RuleView(long id, String label, String value, String pattern, String kind, int priority,
                       Instant createdAt, String createdBy) {

    static RuleView of(ClassificationRule r) {
        return new RuleView(r.id(), r.label().key(), r.value(), r.pattern(), r.kind().name(), r.priority(),
                r.createdAt(), r.createdBy());
    }
}
