package de.akte.core.testing;

import de.akte.core.classification.Classification;
import de.akte.core.classification.Classifier;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core's stand-in for the Lucene classifier (which lives in dms-ingest): each learned document votes for
 * its labels with the share of its words the text shares. Enough to test filing, thresholds and the inbox; the
 * real classifier is tested in dms-ingest and end to end in dms-web.
 */
public final class WordVoteClassifier implements Classifier {

    private final Map<Long, FilingExample> learned = new ConcurrentHashMap<>();

    @Override
    public Classification classify(String department, String text) {
        return vote(text, learned.values().stream()
                .filter(e -> department.equals(e.labels().get(Label.DEPARTMENT))).toList());
    }

    @Override
    public Classification classifyAcrossDepartments(String text) {
        return vote(text, List.copyOf(learned.values()));
    }

    // like the real classifier, the reason names the documents that voted
    private static Classification vote(String text, List<FilingExample> examples) {
        Set<String> words = words(text);
        Map<Label, Prediction> result = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            Map<String, Double> votes = new HashMap<>();
            Map<String, List<Long>> voters = new HashMap<>();
            double total = 0;
            for (FilingExample e : examples) {
                String value = e.labels().get(label);
                Set<String> shared = new HashSet<>(words(e.text()));
                shared.retainAll(words);
                if (value != null && !shared.isEmpty()) {
                    double weight = shared.size();
                    votes.merge(value, weight, Double::sum);
                    voters.computeIfAbsent(value, v -> new ArrayList<>()).add(e.documentId());
                    total += weight;
                }
            }
            double sum = total;
            votes.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(best -> result.put(label,
                    new Prediction(best.getKey(), best.getValue() / sum,
                            "shared words with filed documents " + voters.get(best.getKey()))));
        }
        return new Classification(result);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (w.length() > 3) {
                words.add(w);
            }
        }
        return words;
    }

    @Override
    public void learn(FilingExample example) {
        learned.put(example.documentId(), example);
    }

    @Override
    public void forget(long documentId) {
        learned.remove(documentId);
    }

    @Override
    public void rebuild(Iterable<FilingExample> examples) {
        learned.clear();
        examples.forEach(this::learn);
    }

    @Override
    public long size() {
        return learned.size();
    }
}
