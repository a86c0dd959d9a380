package de.akte.core.infrastructure.lucene;

import de.akte.core.search.AnalyzedToken;
import de.akte.core.search.QueryClauses;
import de.akte.core.search.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a query: every clause ({@link QueryClauses}: each word and each "quoted phrase") must
 * match in one of the searched fields ({@link IndexFields#SEARCHED}). No input can fail to parse.
 */
final class FreeTextQueryParser {

    // A word found in several fields scores by its best field, plus a little for the others.
    private static final float TIE_BREAKER = 0.1f;

    private final TextAnalysis analysis;

    FreeTextQueryParser(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /** The query for {@code text}; empty if it holds no searchable word (blank, only punctuation). */
    Optional<Query> parse(String text) {
        List<List<AnalyzedToken>> clauses = QueryClauses.of(text, analysis);
        if (clauses.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (List<AnalyzedToken> clause : clauses) {
            all.add(acrossFields(clause), BooleanClause.Occur.MUST);
        }
        return Optional.of(all.build());
    }

    private static Query acrossFields(List<AnalyzedToken> clause) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : IndexFields.SEARCHED.entrySet()) {
            Query query = clause.size() == 1 ? new TermQuery(new Term(field.getKey(), clause.get(0).term()))
                    : phrase(field.getKey(), clause);
            perField.add(field.getValue() == 1f ? query : new BoostQuery(query, field.getValue()));
        }
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    // Several tokens from one word ("E-Mail") or a quoted phrase must stand together, as in the text.
    private static Query phrase(String field, List<AnalyzedToken> tokens) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int first = tokens.get(0).position();
        for (AnalyzedToken token : tokens) {
            phrase.add(new Term(field, token.term()), token.position() - first);
        }
        return phrase.build();
    }
}
