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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The record store's classifier port as one {@link LearnedScope} per department, each in its own directory under one
 * root: a linear model for the document type, the nearest filed neighbours for the case file and for the reasons,
 * and calibrated confidences. A department's predictions, neighbours, word statistics and reasons come from that
 * department's filed records alone, so a reason never names a record its reader may not open. A separate scope over
 * every department serves only {@link #classifyAcrossDepartments}, whose result goes to the registry. Each text is
 * analysed once, however many scopes read it. Models are saved beside their indexes and loaded on start, so a restart
 * does not learn again.
 */
public final class DepartmentScopedClassifier implements Classifier, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DepartmentScopedClassifier.class.getName());
    private static final String SCOPE_PREFIX = "department-";
    private static final String ACROSS_DEPARTMENTS = "across-departments";
    private static final String MODEL_FILE = "model.bin";
    // a record resembles another department's only where it shares this many of its telling words with each voter
    private static final int RESEMBLANCE_WORDS = 3;
    // a crash loses at most this many filings from a model (they are learned again from the index on start)
    private static final int SAVE_EVERY_FILINGS = 64;
    private static final long SAVE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Set<String> LINEAR_LABELS = Set.of(Label.DOCUMENT_TYPE.key());

    private final Path root;
    private final TextAnalysis analysis;
    private final ModelSettings settings;
    private final NeighbourSettings neighbourSettings;
    private final Map<String, LearnedScope> scopes = new ConcurrentHashMap<>();
    private final AtomicReference<Analysed> lastAnalysed = new AtomicReference<>();
    private final LearnedScope across;

    /** Opens the classifiers kept under {@code root}, one subdirectory per department. */
    public DepartmentScopedClassifier(Path root, GermanAnalysis analysis) {
        this(root, analysis, ModelSettings.DEFAULTS, NeighbourSettings.SCOPED);
    }

    DepartmentScopedClassifier(Path root, GermanAnalysis analysis, ModelSettings settings,
                               NeighbourSettings neighbourSettings) {
        this.root = Objects.requireNonNull(root, "root");
        this.analysis = new TextAnalysis(Objects.requireNonNull(analysis, "analysis"));
        this.settings = settings;
        this.neighbourSettings = neighbourSettings;
        LearnedScope opened = null;
        try {
            Files.createDirectories(root);
            removeSingleIndexLayout(root);
            boolean complete = true;
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    String name = child.getFileName().toString();
                    if (name.startsWith(SCOPE_PREFIX)) {
                        LearnedScope scope = open(child, LINEAR_LABELS, 0);
                        scopes.put(departmentOf(name), scope);
                        complete &= scope.restore(this.analysis::analyse);
                    }
                }
            }
            opened = open(root.resolve(ACROSS_DEPARTMENTS), Set.of(), RESEMBLANCE_WORDS);
            complete &= opened.restore(this.analysis::analyse);
            if (!complete) {
                // an earlier version's indexes keep no texts to learn the models from: empty, so start-up rebuilds
                LOG.warning("classifier indexes of an earlier version found; they are emptied to be rebuilt from the records");
                scopes.values().forEach(scope -> scope.rebuild(List.of(), this.analysis::analyse));
                opened.rebuild(List.of(), this.analysis::analyse);
            }
            this.across = opened;
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            closeScopes();
            throw e instanceof IOException io ? new UncheckedIOException("cannot open the classifier in " + root, io)
                    : (RuntimeException) e;
        }
    }

    @Override
    public Classification classify(String department, String text) {
        LearnedScope scope = scopes.get(department);
        return scope == null ? Classification.none() : translate(scope.classify(analysed(text)));
    }

    @Override
    public Classification classifyAcrossDepartments(String text) {
        return translate(across.classify(analysed(text)));
    }

    @Override
    public synchronized void learn(FilingExample example) {
        String department = departmentOf(example);
        TrainingExample training = training(example);
        // a document moved to another department must stop voting in its old one
        scopes.forEach((code, scope) -> {
            if (!code.equals(department) && scope.knows(training.id())) {
                scope.forget(training.id());
            }
        });
        AnalysedText text = analysed(training.text());
        scope(department).learn(training, text);
        across.learn(training, text);
    }

    @Override
    public synchronized void forget(long documentId) {
        String id = Long.toString(documentId);
        scopes.values().forEach(scope -> {
            if (scope.knows(id)) {
                scope.forget(id);
            }
        });
        across.forget(id);
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
                scope.rebuild(List.of(), analysis::analyse);
            }
        });
        byDepartment.forEach((department, training) -> scope(department).rebuild(training, analysis::analyse));
        across.rebuild(all, analysis::analyse);
    }

    @Override
    public long size() {
        return across.size();
    }

    /** How many filed documents one department's classifier knows. */
    public long size(String department) {
        LearnedScope scope = scopes.get(department);
        return scope == null ? 0 : scope.size();
    }

    @Override
    public synchronized void close() {
        List<Closeable> closing = new ArrayList<>();
        if (across != null) {
            closing.add(across::close);
        }
        closing.add(this::closeScopes);
        closing.add(analysis::close);
        IOUtils.closeWhileHandlingException(closing);
    }

    private void closeScopes() {
        List<Closeable> closing = new ArrayList<>();
        scopes.values().forEach(scope -> closing.add(scope::close));
        scopes.clear();
        IOUtils.closeWhileHandlingException(closing);
    }

    // the filing service asks the department's scope and then the registry's about the same text: read it once
    private AnalysedText analysed(String text) {
        Analysed last = lastAnalysed.get();
        if (last != null && last.text().equals(text)) {
            return last.analysed();
        }
        AnalysedText analysed = analysis.analyse(text);
        lastAnalysed.set(new Analysed(text, analysed));
        return analysed;
    }

    private LearnedScope scope(String department) {
        return scopes.computeIfAbsent(department, d -> {
            try {
                return open(root.resolve(SCOPE_PREFIX + HexFormat.of().formatHex(d.getBytes(StandardCharsets.UTF_8))),
                        LINEAR_LABELS, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the classifier of department " + d, e);
            }
        });
    }

    private LearnedScope open(Path path, Set<String> linearLabels, int minimumSharedWords) throws IOException {
        Directory directory = FSDirectory.open(Files.createDirectories(path));
        try {
            return new LearnedScope(directory, new FileModelSnapshots(path.resolve(MODEL_FILE), SAVE_EVERY_FILINGS,
                    SAVE_EVERY_NANOS), analysis, settings, neighbourSettings, linearLabels, minimumSharedWords);
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

    private static Classification translate(Map<String, Prediction> learned) {
        Map<Label, Prediction> predictions = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            Prediction prediction = learned.get(label.key());
            if (prediction != null) {
                predictions.put(label, prediction);
            }
        }
        return new Classification(predictions);
    }

    private static TrainingExample training(FilingExample example) {
        Map<String, String> labels = new LinkedHashMap<>();
        example.labels().forEach((label, value) -> labels.put(label.key(), value));
        return new TrainingExample(Long.toString(example.documentId()), example.text(), labels);
    }

    /** The last text analysed, kept for the next question about the same text. */
    private record Analysed(String text, AnalysedText analysed) {
    }
}
