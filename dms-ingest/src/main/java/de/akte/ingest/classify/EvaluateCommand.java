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
        description = "Measures the document classifier on a labelled corpus (label;text per line; also tab- or "
                + "comma-separated, with a header naming the label and text columns, UTF-8 or Windows-1252): accuracy "
                + "and macro-F1 under k-fold cross-validation and online learning, per-label figures, the reliability "
                + "of the confidences, what auto-filing at the threshold would do, and the time per prediction.")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "CORPUS", description = "The labelled corpus file.")
    private Path corpus;

    @CommandLine.Option(names = "--folds", defaultValue = "" + ClassifierEvaluation.DEFAULT_FOLDS,
            description = "Folds of the cross-validation (default: ${DEFAULT-VALUE}).")
    private int folds;

    @CommandLine.Option(names = "--seed", defaultValue = "" + ClassifierEvaluation.DEFAULT_SEED,
            description = "Seed of the shuffle into folds (default: ${DEFAULT-VALUE}).")
    private long seed;

    @CommandLine.Option(names = "--threshold", defaultValue = "" + ClassifierEvaluation.DEFAULT_THRESHOLD,
            description = "Auto-filing confidence, as AKTE_AUTO_FILE_CONFIDENCE (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @CommandLine.Option(names = "--method", defaultValue = "LEARNED",
            description = "LEARNED (the classifier in use) or NEIGHBOURS (the earlier k-nearest-neighbour one), "
                    + "default: ${DEFAULT-VALUE}.")
    private ClassifierEvaluation.Method method;

    @CommandLine.Option(names = "--strict", description = "Stop at the first line that cannot be read.")
    private boolean strict;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (folds < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        if (threshold <= 0 || threshold > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be in (0, 1]");
        }
        LabelledCorpus read;
        try {
            read = new LabelledCorpusReader(strict).read(corpus);
        } catch (IllegalArgumentException e) {
            err.println(corpus + ": " + e.getMessage());
            return 1;
        }
        read.badLines().forEach(bad -> err.println(corpus + ": skipped " + bad));
        List<LabelledText> documents = read.documents();
        if (documents.isEmpty()) {
            err.println("no labelled documents in " + corpus);
            return 1;
        }
        EvaluationResult result = new ClassifierEvaluation(GermanAnalysis.withBundledDictionary(), folds, seed, method,
                threshold).evaluate(documents);
        out.println("Corpus: " + corpus + " (" + documents.size() + " documents, " + read.charset().name()
                + ", " + read.badLines().size() + " line(s) skipped); method " + method);
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
            report.append(String.format(Locale.ROOT, "  reliability: %-11s %11s %15s %8s%n", "confidence", "predictions",
                    "mean confidence", "accuracy"));
            for (ProtocolResult.ReliabilityBin bin : protocol.reliability()) {
                report.append(String.format(Locale.ROOT, "               %.2f–%.2f  %11d %15.3f %8s%n", bin.from(), bin.to(),
                        bin.predictions(), bin.meanConfidence(),
                        bin.predictions() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", bin.accuracy())));
            }
            ProtocolResult.AutoFiling auto = protocol.autoFiling();
            report.append(String.format(Locale.ROOT, "  auto-filed at confidence >= %.2f: %d of %d (%.1f %%), of which right %.1f %%%n",
                    auto.threshold(), auto.filed(), protocol.documents(), auto.share() * 100, auto.accuracy() * 100));
            ProtocolResult.Timing timing = protocol.timing();
            report.append(String.format(Locale.ROOT, "  time per prediction: %.2f ms wall, %.2f ms CPU (%d predictions)%n",
                    timing.wallMillis(), timing.cpuMillis(), timing.predictions()));
        }
        return report.toString();
    }
}
