package de.akte.ingest.classify;

import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code akte evaluate}: how well the document classifier labels a corpus, as a readable report. */
@CommandLine.Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures the document classifier on a labelled corpus (label;text per line, UTF-8): "
                + "accuracy and macro-F1 under k-fold cross-validation and online learning.")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "CORPUS", description = "The labelled corpus CSV.")
    private Path corpus;

    @CommandLine.Option(names = "--folds", defaultValue = "" + ClassifierEvaluation.DEFAULT_FOLDS,
            description = "Folds of the cross-validation (default: ${DEFAULT-VALUE}).")
    private int folds;

    @CommandLine.Option(names = "--seed", defaultValue = "" + ClassifierEvaluation.DEFAULT_SEED,
            description = "Seed of the shuffle into folds (default: ${DEFAULT-VALUE}).")
    private long seed;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledText> documents = new LabelledCorpusReader().read(corpus);
        if (documents.isEmpty()) {
            spec.commandLine().getErr().println("no labelled documents in " + corpus);
            return 1;
        }
        if (folds < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        EvaluationResult result = new ClassifierEvaluation(
                GermanAnalysis.withBundledDictionary(), folds, seed)
                .evaluate(documents);
        out.println("Corpus: " + corpus + " (" + documents.size() + " documents)");
        out.print(report(result));
        out.flush();
        return 0;
    }

    /** The figures of both protocols, then per label; also used by tests to print them. */
    public static String report(EvaluationResult result) {
        StringBuilder report = new StringBuilder();
        for (ProtocolResult protocol : List.of(result.crossValidation(), result.online())) {
            report.append(String.format(Locale.ROOT, "%n%s: accuracy %.3f (%d of %d, %d without prediction), macro-F1 %.3f%n",
                    protocol.protocol(), protocol.accuracy(), protocol.correct(), protocol.documents(),
                    protocol.unpredicted(), protocol.macroF1()));
            report.append(String.format(Locale.ROOT, "  %-24s %9s %7s %7s %7s%n", "label", "precision", "recall", "F1", "support"));
            for (LabelScore score : protocol.perLabel()) {
                report.append(String.format(Locale.ROOT, "  %-24s %9.3f %7.3f %7.3f %7d%n",
                        score.label(), score.precision(), score.recall(), score.f1(), score.support()));
            }
        }
        return report.toString();
    }
}
