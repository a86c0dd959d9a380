package de.akte.core.classification;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Applies the administrators' rules: per label, the matching rule of highest priority decides. */
public final class RuleBook {

    private final List<ClassificationRule> rules;

    public RuleBook(List<ClassificationRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(ClassificationRule::priority).reversed()
                .thenComparing(ClassificationRule::id, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    /** The predictions the rules make for this text; labels no rule matches are absent. */
    public Map<Label, Prediction> apply(String text) {
        Map<Label, Prediction> decided = new EnumMap<>(Label.class);
        for (ClassificationRule rule : rules) {
            if (decided.containsKey(rule.label())) {
                continue;
            }
            Matcher m = rule.compiled().matcher(text);
            if (m.find()) {
                decided.put(rule.label(), new Prediction(rule.value(), 1.0, "rule '" + rule.pattern() + "' (priority "
                        + rule.priority() + ") matched '" + m.group() + "'"));
            }
        }
        return decided;
    }
}
