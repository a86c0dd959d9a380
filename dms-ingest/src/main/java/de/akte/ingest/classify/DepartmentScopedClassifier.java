package de.akte.ingest.classify;

import de.akte.core.classification.Classification;
import de.akte.core.classification.Classifier;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The record store's classifier port as one k-nearest-neighbour classifier per department, each in its own Lucene
 * index under one root directory. A department's predictions, neighbours, word statistics and reasons come from
 * that department's filed records alone, so a reason never names a record its reader may not open. A separate
 * index over every department serves only {@link #classifyAcrossDepartments}, whose result goes to the registry.
 */
public final class DepartmentScopedClassifier implements Classifier, AutoCloseable {

    private static final String SCOPE_PREFIX = "department-";
    private static final String ACROSS_DEPARTMENTS = "across-departments";
    // a record resembles another department's only where it shares this many of its telling words with each voter
    private static final int RESEMBLANCE_WORDS = 3;

    private final Path root;
    private final GermanAnalysis analysis;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    private final Scope across;

    /** Opens the classifiers kept under {@code root}, one subdirectory per department. */
    public DepartmentScopedClassifier(Path root, GermanAnalysis analysis) {
        this.root = Objects.requireNonNull(root, "root");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        try {
            Files.createDirectories(root);
            removeSingleIndexLayout(root);
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    String name = child.getFileName().toString();
                    if (name.startsWith(SCOPE_PREFIX)) {
                        String department = departmentOf(name);
                        scopes.put(department, open(child));
                    }
                }
            }
            this.across = open(root.resolve(ACROSS_DEPARTMENTS));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open the classifier in " + root, e);
        }
    }

    @Override
    public Classification classify(String department, String text) {
        Scope scope = scopes.get(department);
        return scope == null ? Classification.none() : translate(scope.classifier().classify(text));
    }

    @Override
    public Classification classifyAcrossDepartments(String text) {
        return translate(across.classifier().resemblance(text, RESEMBLANCE_WORDS));
    }

    @Override
    public synchronized void learn(FilingExample example) {
        String department = departmentOf(example);
        TrainingExample training = training(example);
        // a document moved to another department must stop voting in its old one
        scopes.forEach((code, scope) -> {
            if (!code.equals(department) && scope.knows(training.id())) {
                scope.classifier().forget(training.id());
            }
        });
        scope(department).classifier().learn(training);
        across.classifier().learn(training);
    }

    @Override
    public synchronized void forget(long documentId) {
        String id = Long.toString(documentId);
        scopes.values().forEach(scope -> {
            if (scope.knows(id)) {
                scope.classifier().forget(id);
            }
        });
        across.classifier().forget(id);
    }

    @Override
    public synchronized void rebuild(Iterable<FilingExample> examples) {
        Map<String, List<TrainingExample>> byDepartment = new LinkedHashMap<>();
        List<TrainingExample> all = new ArrayList<>();
        for (FilingExample example : examples) {
            TrainingExample training = training(example);
            byDepartment.computeIfAbsent(departmentOf(example), d -> new ArrayList<>()).add(training);
            all.add(training);
        }
        scopes.forEach((department, scope) -> {
            if (!byDepartment.containsKey(department)) {
                scope.classifier().rebuild(List.of());
            }
        });
        byDepartment.forEach((department, training) -> scope(department).classifier().rebuild(training));
        across.classifier().rebuild(all);
    }

    @Override
    public long size() {
        return across.classifier().size();
    }

    /** How many filed documents one department's classifier knows. */
    public long size(String department) {
        Scope scope = scopes.get(department);
        return scope == null ? 0 : scope.classifier().size();
    }

    @Override
    public synchronized void close() {
        List<Closeable> closing = new ArrayList<>();
        scopes.values().forEach(scope -> closing.add(scope::close));
        if (across != null) {
            closing.add(across::close);
        }
        scopes.clear();
        IOUtils.closeWhileHandlingException(closing);
    }

    private Scope scope(String department) {
        return scopes.computeIfAbsent(department, d -> {
            try {
                return open(root.resolve(SCOPE_PREFIX + HexFormat.of().formatHex(d.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the classifier of department " + d, e);
            }
        });
    }

    private Scope open(Path path) throws IOException {
        Directory directory = FSDirectory.open(Files.createDirectories(path));
        try {
            return new Scope(directory, new DocumentClassifier(directory, analysis));
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    // the first classifier kept one index for every department directly in the root; it is rebuilt per department
    private static void removeSingleIndexLayout(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path file : children.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String departmentOf(String directoryName) {
        String hex = directoryName.substring(SCOPE_PREFIX.length());
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    private static String departmentOf(FilingExample example) {
        String department = example.labels().get(Label.DEPARTMENT);
        if (department == null || department.isBlank()) {
            throw new IllegalArgumentException("filed document " + example.documentId() + " has no department");
        }
        return department;
    }

    private static Classification translate(de.akte.ingest.classify.Classification learned) {
        Map<Label, Prediction> predictions = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            learned.get(label.key()).ifPresent(p -> predictions.put(label, p));
        }
        return new Classification(predictions);
    }

    private static TrainingExample training(FilingExample example) {
        Map<String, String> labels = new LinkedHashMap<>();
        example.labels().forEach((label, value) -> labels.put(label.key(), value));
        return new TrainingExample(Long.toString(example.documentId()), example.text(), labels);
    }

    /** One department's index and the classifier over it. */
    private record Scope(Directory directory, DocumentClassifier classifier) {

        boolean knows(String id) {
            return classifier.knows(id);
        }

        void close() {
            try (directory) {
                classifier.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
