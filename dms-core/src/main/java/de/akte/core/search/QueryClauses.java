package de.akte.core.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user typed, as the clauses every one of which a document must match: each "quoted phrase" and each
 * whitespace-separated word, analysed. There is no operator syntax, so no input can fail: quotes without a partner
 * and punctuation are plain text, and a word that yields no term (only punctuation) makes no clause.
 */
public final class QueryClauses {

    // Each clause expands to one query per field; this keeps a pasted paragraph under the backends' clause limits.
    public static final int MAX_CLAUSES = 64;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private QueryClauses() {
    }

    /**
     * The clauses of {@code text}, at most {@link #MAX_CLAUSES}; empty if it holds no searchable word. Within a
     * clause the tokens keep their positions (two tokens of "E-Mail" must stand together, as in the text).
     */
    public static List<List<AnalyzedToken>> of(String text, TextAnalysis analysis) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<List<AnalyzedToken>> clauses = new ArrayList<>();
        char[] unquoted = text.toCharArray();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            clauses.add(analysis.forQuery(quoted.group(1)));
            for (int i = quoted.start(); i < quoted.end(); i++) {
                unquoted[i] = ' ';
            }
        }
        clauses.addAll(words(new String(unquoted), analysis));
        return clauses.stream().filter(clause -> !clause.isEmpty()).limit(MAX_CLAUSES).toList();
    }

    // The words are analysed together, not one by one, so the analysis can look across them (the "AZ" before a
    // file reference is dropped).
    private static List<List<AnalyzedToken>> words(String text, TextAnalysis analysis) {
        int[] wordAt = new int[text.length()];
        int word = -1;
        for (int i = 0; i < text.length(); i++) {
            boolean startsWord = !Character.isWhitespace(text.charAt(i))
                    && (i == 0 || Character.isWhitespace(text.charAt(i - 1)));
            if (startsWord) {
                word++;
            }
            wordAt[i] = word;
        }
        Map<Integer, List<AnalyzedToken>> byWord = new LinkedHashMap<>();
        for (AnalyzedToken token : analysis.forQuery(text)) {
            byWord.computeIfAbsent(wordAt[token.start()], w -> new ArrayList<>()).add(token);
        }
        return new ArrayList<>(byWord.values());
    }
}
