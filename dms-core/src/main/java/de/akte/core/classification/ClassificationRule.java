package de.akte.core.classification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An administrator's rule for the cold start: text matching the pattern gets the value for the label, e.g.
 * {@code Bauantrag|Baugenehmigung} → department {@code 63}. Of several matching rules the highest priority wins.
 */
@Entity
@Table(name = "classification_rule")
public class ClassificationRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Label label;

    @Column(name = "rule_value", nullable = false, length = 200)
    private String value;

    @Column(nullable = false, length = 1000)
    private String pattern;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RuleKind kind;

    @Column(nullable = false)
    private int priority;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected ClassificationRule() {
    }

    public ClassificationRule(Label label, String value, String pattern, RuleKind kind, int priority, Instant createdAt,
                              String createdBy) {
        this.label = Objects.requireNonNull(label);
        this.value = requireText(value, "value");
        this.pattern = requireText(pattern, "pattern");
        this.kind = Objects.requireNonNull(kind);
        this.priority = priority;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        compiled();
    }

    private static String requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return s.strip();
    }

    /**
     * The pattern as a regular expression.
     *
     * @throws IllegalArgumentException when a REGEX rule's pattern is not a valid expression
     */
    public Pattern compiled() {
        try {
            int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
            return switch (kind) {
                case REGEX -> Pattern.compile(pattern, flags);
                case PHRASE -> Pattern.compile(Pattern.quote(pattern), flags);
                case KEYWORD -> {
                    StringJoiner words = new StringJoiner("|", "\\b(?:", ")\\b");
                    for (String word : pattern.split("\\s*[|,]\\s*")) {
                        if (!word.isBlank()) {
                            words.add(Pattern.quote(word.strip()));
                        }
                    }
                    yield Pattern.compile(words.toString(), flags);
                }
            };
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the pattern is not a valid regular expression: "
                    + e.getDescription().toLowerCase(Locale.ROOT), e);
        }
    }

    public Long id() {
        return id;
    }

    public Label label() {
        return label;
    }

    public String value() {
        return value;
    }

    public String pattern() {
        return pattern;
    }

    public RuleKind kind() {
        return kind;
    }

    public int priority() {
        return priority;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
