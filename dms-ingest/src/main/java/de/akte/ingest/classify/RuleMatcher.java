package de.akte.ingest.classify;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Applies administrators' rules to a text: per label, the matching rule of highest priority. */
final class RuleMatcher {

    // Rules come with every call, usually the same few; compiling them once pays off at ingest rates.
    // Bounded, because administrators may edit rules for years without a restart.
    private static final int CACHE_LIMIT = 10_000;
    private final Map<Rule, Pattern> compiled = new ConcurrentHashMap<>();

    /** For each label with a matching rule, the prediction of the winning rule (ties: first listed). */
    Map<String, Prediction> apply(String text, List<Rule> rules) {
        String folded = fold(text);
        Map<String, Rule> winners = new HashMap<>();
        for (Rule rule : rules) {
            Rule best = winners.get(rule.label());
            if ((best == null || rule.priority() > best.priority()) && matches(rule, text, folded)) {
                winners.put(rule.label(), rule);
            }
        }
        Map<String, Prediction> predictions = new HashMap<>();
        winners.forEach((label, rule) -> predictions.put(label, new Prediction(rule.value(), 1.0, rule.describe())));
        return predictions;
    }

    private boolean matches(Rule rule, String text, String folded) {
        if (compiled.size() >= CACHE_LIMIT) {
            compiled.clear();
        }
        Pattern pattern = compiled.computeIfAbsent(rule, RuleMatcher::compile);
        return pattern.matcher(rule.kind() == RuleKind.REGEX ? text : folded).find();
    }

    private static Pattern compile(Rule rule) {
        if (rule.kind() == RuleKind.REGEX) {
            return Pattern.compile(rule.pattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        StringBuilder alternatives = new StringBuilder();
        for (String alternative : rule.pattern().split("\\|")) {
            String[] words = fold(alternative).trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            if (rule.kind() == RuleKind.KEYWORD && words.length > 1) {
                throw new IllegalArgumentException("a keyword rule takes single words, use PHRASE: " + rule);
            }
            if (!alternatives.isEmpty()) {
                alternatives.append('|');
            }
            alternatives.append(String.join("\\s+", Arrays.stream(words).map(Pattern::quote).toList()));
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("rule without words: " + rule);
        }
        // \b would treat umlauts as boundaries in some cases; lookarounds on letters and digits are exact
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    // Folds as the index does (GermanNormalizationFilter), so "Gebühr", "Gebuehr" and OCR's "Gebuhr" meet.
    static String fold(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN);
        return lower.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss")
                .replace("ae", "a").replace("oe", "o").replace("ue", "u");
    }
}
