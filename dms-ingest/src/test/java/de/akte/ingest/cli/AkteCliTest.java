package de.akte.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AkteCliTest {

    @Test
    void importHelpExplainsOptionsManifestAndExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cli = AkteCli.commandLine();
        cli.setOut(new PrintWriter(out));

        assertEquals(0, cli.execute("import", "--help"));

        String help = out.toString();
        for (String expected : new String[] {"--server", "--user", "--case-file", "--department", "--document-type",
                "--manifest", "--batch", "--scanned-by", "--threads", "--verbose",
                "file;caseFile;department;documentType;title;date", "dd.MM.yyyy", "AKTE_PASSWORD", "Exit codes",
                "3   server not reachable"}) {
            assertTrue(help.contains(expected), () -> "missing " + expected + " in\n" + help);
        }
    }

    @Test
    void missingRequiredOptionIsAUsageErrorInOneLinePlusHint() {
        StringWriter err = new StringWriter();
        CommandLine cli = AkteCli.commandLine();
        cli.setErr(new PrintWriter(err));

        assertEquals(2, cli.execute("import", "somewhere"));
        assertTrue(err.toString().startsWith("akte import: Missing required options"), err.toString());
        assertEquals(2, err.toString().lines().count(), err.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        CommandLine cli = AkteCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));

        assertEquals(2, cli.execute());
    }

    @Test
    void evaluatesALabelledCorpusUnderBothProtocols() throws Exception {
        java.nio.file.Path corpus = java.nio.file.Path.of(
                AkteCliTest.class.getResource("/classify/sample-corpus.csv").toURI());
        StringWriter out = new StringWriter();
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            CommandLine cli = AkteCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            exit = cli.execute("evaluate", corpus.toString(), "--folds", "3");
        } finally {
            System.setOut(before);
        }

        String report = out + printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.toLowerCase().contains("accuracy"), report);
        assertTrue(report.toLowerCase().contains("macro"), report);
        assertTrue(report.toLowerCase().contains("online"), report);
        System.out.println(report);
    }
}
