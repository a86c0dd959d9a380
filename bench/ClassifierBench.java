import de.akte.core.classification.Classification;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import de.akte.ingest.classify.DepartmentScopedClassifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The document classifier's cost as the number of filed documents grows: for each size, a department with that many
 * filed documents (synthetic German letters of 12 document types and 400 case files) is built with rebuild(), then it
 * measures a filing (learn), a prediction as the filing service makes it (the department's classify, then the
 * registry's classifyAcrossDepartments, on one text), the model's load time after a restart and the first
 * prediction after it. Wall time and the measuring thread's CPU time are printed, because the machine may be shared.
 *
 * java -cp dms-ingest/target/akte.jar bench/ClassifierBench.java [--sizes 10000,100000] [--predictions 500]
 *      [--filings 200] [--dir DIR] [--seed N]
 * (or bench/run ClassifierBench …). DIR (default: a new temporary directory) is left behind only if given.
 */
public class ClassifierBench {

    private static final String[] TYPES = {"Bauantrag", "Widerspruch", "Rechnung", "Gewerbeanmeldung",
            "Meldebescheinigung", "Beschwerde", "Sozialhilfeantrag", "Sitzungsprotokoll", "Wohngeldantrag",
            "Baumfällantrag", "Sondernutzung", "Hundesteuer"};
    private static final String[][] TOPICS = {
            {"Bauvorhaben", "Lageplan", "Bauzeichnung", "Grundstück", "Flurstück", "Baugenehmigung", "Landesbauordnung", "Carport", "Garage", "Statik"},
            {"Bescheid", "Widerspruchsfrist", "Begründung", "rechtswidrig", "Aufhebung", "Anhörung", "Rechtsbehelf", "fristgerecht", "Einwendung", "Überprüfung"},
            {"Rechnungsbetrag", "Position", "Skonto", "Zahlungsziel", "Umsatzsteuer", "Lieferung", "Bankverbindung", "Rechnungsnummer", "netto", "brutto"},
            {"Gewerbe", "Betriebsstätte", "Handelsregister", "Tätigkeit", "Nebenerwerb", "Gaststätte", "Imbiss", "Gewerbeanmeldung", "Inhaber", "Betriebsbeginn"},
            {"Wohnung", "Anmeldung", "Nebenwohnung", "Meldebehörde", "Einzug", "Personalausweis", "Wohnungsgeber", "Hauptwohnung", "Abmeldung", "Melderegister"},
            {"Beschwerde", "Lärm", "Nachbar", "Zustand", "unzumutbar", "Verschmutzung", "Abhilfe", "Straßenbeleuchtung", "Schlagloch", "Parkplatz"},
            {"Sozialhilfe", "Einkommen", "Vermögen", "Bedarfsgemeinschaft", "Leistungen", "Miete", "Heizkosten", "Kontoauszüge", "Grundsicherung", "Unterhalt"},
            {"Tagesordnung", "Beschluss", "Sitzung", "Ausschuss", "Niederschrift", "Abstimmung", "Beschlussfähigkeit", "Vorsitz", "Anwesend", "Stimmen"},
            {"Wohngeld", "Mietzuschuss", "Haushalt", "Mietvertrag", "Einkommensnachweis", "Mietbescheinigung", "Bewilligung", "Lastenzuschuss", "Haushaltsmitglieder", "Wohnfläche"},
            {"Baum", "Fällung", "Baumschutzsatzung", "Stammumfang", "Ersatzpflanzung", "Eiche", "Linde", "Standsicherheit", "Gutachten", "Kronenschnitt"},
            {"Sondernutzung", "Gehweg", "Verkaufsstand", "Außengastronomie", "Stühle", "Genehmigung", "Gebühr", "Fläche", "Wochenmarkt", "Baustelleneinrichtung"},
            {"Hundesteuer", "Hund", "Steuermarke", "Rasse", "Anmeldung", "Abmeldung", "Kampfhund", "Befreiung", "Halter", "Steuerbescheid"}};
    private static final String[] COMMON = {"Sehr", "geehrte", "Damen", "und", "Herren", "hiermit", "bitte", "ich", "um",
            "die", "der", "das", "Stadt", "Verwaltung", "Antrag", "Schreiben", "vom", "mit", "freundlichen", "Grüßen",
            "Anlage", "Unterlagen", "beigefügt", "Rückfragen", "erreichbar", "Telefon", "Frist", "Datum", "Aktenzeichen",
            "Ihr", "Zeichen", "Bearbeitung", "Sachbearbeiter", "Zimmer", "Rathaus", "Markt", "Straße", "Postfach",
            "eingegangen", "geprüft", "weitergeleitet", "zuständig", "Abteilung", "Amt", "Kosten", "Gebühren", "Nachweis"};
    private static final String[] NAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann"};

    public static void main(String[] args) throws Exception {
        int[] sizes = {10_000, 100_000};
        int predictions = 500;
        int filings = 200;
        Path dir = null;
        long seed = 16;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--predictions" -> predictions = Integer.parseInt(args[++i]);
                case "--filings" -> filings = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: java -cp dms-ingest/target/akte.jar bench/ClassifierBench.java "
                            + "[--sizes 10000,100000] [--predictions 500] [--filings 200] [--dir DIR] [--seed N]");
                    System.exit(2);
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%d processors, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        GermanAnalysis analysis = GermanAnalysis.withBundledDictionary();
        for (int size : sizes) {
            Path root = dir != null ? dir.resolve("filed-" + size) : Files.createTempDirectory("classifier-bench");
            Random random = new Random(seed + size);
            List<FilingExample> filed = new ArrayList<>(size);
            long chars = 0;
            for (int i = 0; i < size; i++) {
                FilingExample example = letter(i, random);
                chars += example.text().length();
                filed.add(example);
            }
            System.out.printf(Locale.ROOT, "%n== %,d filed documents in one department (mean %d characters) ==%n",
                    size, chars / size);
            Measure rebuild = new Measure(threads);
            try (DepartmentScopedClassifier classifier = new DepartmentScopedClassifier(root, analysis)) {
                classifier.rebuild(filed);
                rebuild.stop();
                System.out.printf(Locale.ROOT, "rebuild (retrain from all filed documents): %.1f s wall, %.1f s CPU%n",
                        rebuild.wallMillis() / 1000, rebuild.cpuMillis() / 1000);
                filed = null; // the texts are in the indexes now; let the heap go
                long[][] learn = new long[filings][];
                for (int i = 0; i < filings; i++) {
                    FilingExample example = letter(size + i, random);
                    Measure one = new Measure(threads);
                    classifier.learn(example);
                    learn[i] = one.stop();
                }
                print("filing (learn, incl. index commit)", learn);
                long[][] predict = new long[predictions][];
                int right = 0;
                for (int i = 0; i < predictions; i++) {
                    FilingExample example = letter(size + filings + i, random);
                    Measure one = new Measure(threads);
                    Classification own = classifier.classify("63", example.text());
                    classifier.classifyAcrossDepartments(example.text());
                    predict[i] = one.stop();
                    right += own.get(Label.DOCUMENT_TYPE).map(p -> p.value().equals(example.labels()
                            .get(Label.DOCUMENT_TYPE))).orElse(false) ? 1 : 0;
                }
                print("prediction (department + registry hint)", predict);
                System.out.printf(Locale.ROOT, "  (document type right in %d of %d)%n", right, predictions);
            }
            Measure load = new Measure(threads);
            try (DepartmentScopedClassifier reopened = new DepartmentScopedClassifier(root, analysis)) {
                load.stop();
                Measure first = new Measure(threads);
                reopened.classify("63", letter(size * 3, random).text());
                first.stop();
                System.out.printf(Locale.ROOT, "restart: model loaded in %.0f ms wall (%.0f ms CPU), first prediction %.1f ms"
                        + "%n", load.wallMillis(), load.cpuMillis(), first.wallMillis());
                System.out.printf(Locale.ROOT, "on disk: %.1f MiB (model snapshots %.1f MiB)%n", bytes(root, false) / 1048576.0,
                        bytes(root, true) / 1048576.0);
            }
            if (dir == null) {
                delete(root);
            }
        }
    }

    private static FilingExample letter(int id, Random random) {
        int type = random.nextInt(TYPES.length);
        // overlapping topics: a letter also speaks of one other type's matters
        int other = random.nextInt(TOPICS.length);
        StringBuilder text = new StringBuilder();
        int words = 120 + random.nextInt(280);
        for (int w = 0; w < words; w++) {
            double r = random.nextDouble();
            String word;
            if (r < 0.18) {
                word = TOPICS[type][random.nextInt(TOPICS[type].length)];
            } else if (r < 0.26) {
                word = TOPICS[other][random.nextInt(TOPICS[other].length)];
            } else if (r < 0.30) {
                word = NAMES[random.nextInt(NAMES.length)];
            } else if (r < 0.34) {
                word = Integer.toString(random.nextInt(100_000));
            } else {
                word = COMMON[random.nextInt(COMMON.length)];
            }
            if (random.nextDouble() < 0.03) {
                word = word.replace("m", "rn").replace("ü", "u"); // OCR-like noise
            }
            text.append(word).append(w % 12 == 11 ? ". " : " ");
        }
        int caseFile = random.nextInt(400);
        return new FilingExample(id, text.toString(), Map.of(Label.DEPARTMENT, "63", Label.DOCUMENT_TYPE, TYPES[type],
                Label.CASE_FILE, "63-" + caseFile + "/2026"));
    }

    private static void print(String what, long[][] samples) {
        long[] wall = Arrays.stream(samples).mapToLong(s -> s[0]).sorted().toArray();
        double cpu = Arrays.stream(samples).mapToLong(s -> s[1]).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%s: mean %.1f ms wall (p50 %.1f, p99 %.1f), mean %.1f ms CPU%n", what,
                Arrays.stream(wall).average().orElse(0) / 1e6, wall[wall.length / 2] / 1e6,
                wall[(int) Math.min(wall.length - 1, Math.round(wall.length * 0.99))] / 1e6, cpu);
    }

    private static long bytes(Path root, boolean modelsOnly) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !modelsOnly || f.getFileName().toString().equals("model.bin"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Wall and CPU time of the measuring thread since it was made. */
    private static final class Measure {
        private final ThreadMXBean threads;
        private final long wall = System.nanoTime();
        private final long cpu;
        private long wallTaken;
        private long cpuTaken;

        Measure(ThreadMXBean threads) {
            this.threads = threads;
            this.cpu = threads.getCurrentThreadCpuTime();
        }

        long[] stop() {
            wallTaken = System.nanoTime() - wall;
            cpuTaken = threads.getCurrentThreadCpuTime() - cpu;
            return new long[] {wallTaken, cpuTaken};
        }

        double wallMillis() {
            return wallTaken / 1e6;
        }

        double cpuMillis() {
            return cpuTaken / 1e6;
        }
    }
}
