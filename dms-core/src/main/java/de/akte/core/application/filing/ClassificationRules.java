package de.akte.core.application.filing;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.classification.ClassificationRule;
import de.akte.core.classification.ClassificationRuleRepository;
import de.akte.core.classification.Label;
import de.akte.core.classification.RuleKind;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.List;
import java.util.Locale;

/** The administrators' filing rules (keyword, phrase or pattern → label), which automation applies before guessing. */
public class ClassificationRules {

    private final UnitOfWork unitOfWork;
    private final ClassificationRuleRepository rules;
    private final AuditTrail audit;
    private final Clock clock;

    public ClassificationRules(UnitOfWork unitOfWork, ClassificationRuleRepository rules, AuditTrail audit,
                               Clock clock) {
        this.unitOfWork = unitOfWork;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    public List<RuleView> rules(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        return unitOfWork.call(() -> rules.all().stream().map(RuleView::of).toList());
    }

    public RuleView addRule(Caller caller, NewRule request) {
        Access.requireAnyRole(caller, Role.ADMIN);
        Label label;
        RuleKind kind;
        try {
            label = Label.ofKey(request.label() == null ? "" : request.label().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("label", e.getMessage());
        }
        try {
            kind = RuleKind.valueOf(request.kind() == null ? "KEYWORD" : request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "kind must be KEYWORD, PHRASE or REGEX");
        }
        return unitOfWork.call(() -> {
            ClassificationRule rule;
            try {
                rule = new ClassificationRule(label, request.value(), request.pattern(), kind,
                        request.priority() == null ? 0 : request.priority(), clock.now(), caller.username());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage().startsWith("value") ? "value" : "pattern", e.getMessage());
            }
            rules.add(rule);
            audit.record(caller.username(), AuditAction.ADMIN, "classification-rule", rule.id().toString(),
                    "added: " + label.key() + "=" + rule.value() + " for " + kind + " '" + rule.pattern()
                            + "' priority " + rule.priority());
            return RuleView.of(rule);
        });
    }

    public void removeRule(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.ADMIN);
        unitOfWork.run(() -> {
            ClassificationRule rule = rules.find(id).orElseThrow(() -> new NotFoundException("no rule " + id));
            rules.remove(rule);
            audit.record(caller.username(), AuditAction.ADMIN, "classification-rule", Long.toString(id), "removed");
        });
    }
}
