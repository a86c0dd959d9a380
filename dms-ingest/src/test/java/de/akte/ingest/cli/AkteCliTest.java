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
}
