package de.akte.core.classification;

import java.util.List;
import java.util.Optional;

/** Stores the administrators' classification rules. */
public interface ClassificationRuleRepository {

    List<ClassificationRule> all();

    Optional<ClassificationRule> find(long id);

    void add(ClassificationRule rule);

    void remove(ClassificationRule rule);
}
