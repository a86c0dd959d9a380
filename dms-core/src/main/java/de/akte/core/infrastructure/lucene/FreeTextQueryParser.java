package de.akte.core.infrastructure.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a query: every word, and every "quoted phrase", must match in one of
 * the searched fields ({@link IndexFields#SEARCHED}). There is no operator syntax, so no input can
 * fail to parse: quotes without a partner and punctuation are taken as plain text.
 */
final class FreeTextQueryParser {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    // Each clause expands to one query per field; this keeps a pasted paragraph under Lucene's clause limit.
    static final int MAX_CLAUSES = 64;
    // A word found in several fields scores by its best field, plus a little for the others.
    private static final float TIE_BREAKER = 0.1f;

    private final Analyzer analyzer;

    FreeTextQueryParser(Analyzer queryAnalyzer) {
        this.analyzer = queryAnalyzer;
    }

    /** The query for {@code text}; empty if it holds no searchable word (blank, only punctuation). */
    Optional<Query> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<List<Token>> clauses = new ArrayList<>();
        char[] unquoted = text.toCharArray();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            clauses.add(analyze(quoted.group(1)));
            for (int i = quoted.start(); i < quoted.end(); i++) {
                unquoted[i] = ' ';
            }
        }
        clauses.addAll(words(new String(unquoted)));

        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int added = 0;
        for (List<Token> clause : clauses) {
            if (!clause.isEmpty() && added < MAX_CLAUSES) {
                all.add(acrossFields(clause), BooleanClause.Occur.MUST);
                added++;
            }
        }
        return added == 0 ? Optional.empty() : Optional.of(all.build());
    }

    /**
     * The tokens of each whitespace-separated word. The words are analyzed together, not one by one,
     * so the analyzer can look across them (it drops the "AZ" before a file reference).
     */
    private List<List<Token>> words(String text) {
        int[] wordAt = new int[text.length()];
        int word = -1;
        for (int i = 0; i < text.length(); i++) {
            boolean startsWord = !Character.isWhitespace(text.charAt(i)) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)));
            if (startsWord) {
                word++;
            }
            wordAt[i] = word;
        }
        Map<Integer, List<Token>> byWord = new LinkedHashMap<>();
        for (OffsetToken token : tokens(text)) {
            byWord.computeIfAbsent(wordAt[token.start()], w -> new ArrayList<>()).add(token.token());
        }
        return new ArrayList<>(byWord.values());
    }

    private List<Token> analyze(String phrase) {
        return tokens(phrase).stream().map(OffsetToken::token).toList();
    }

    private List<OffsetToken> tokens(String text) {
        List<OffsetToken> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new OffsetToken(new Token(term.toString(), position), offset.startOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // analysis of an in-memory string does no I/O
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Query acrossFields(List<Token> clause) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : IndexFields.SEARCHED.entrySet()) {
            Query query = clause.size() == 1 ? new TermQuery(new Term(field.getKey(), clause.get(0).term())) : phrase(field.getKey(), clause);
            perField.add(field.getValue() == 1f ? query : new BoostQuery(query, field.getValue()));
        }
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    // Several tokens from one word ("E-Mail") or a quoted phrase must stand together, as in the text.
    private static Query phrase(String field, List<Token> tokens) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int first = tokens.get(0).position();
        for (Token token : tokens) {
            phrase.add(new Term(field, token.term()), token.position() - first);
        }
        return phrase.build();
    }

    /** A query token and its position in the analyzed text. */
    private record Token(String term, int position) {
    }

    /** A token and where its word starts in the typed text. */
    private record OffsetToken(Token token, int start) {
    }
}
