package de.akte.ingest.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code akte} command-line client: entry point of {@code akte.jar}. */
@Command(name = "akte",
        mixinStandardHelpOptions = true,
        versionProvider = AkteCli.Version.class,
        description = "Command-line client of the Akte document management system.",
        subcommands = {ImportCommand.class, de.akte.ingest.classify.EvaluateCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:some files failed",
            "2:usage error",
            "3:server not reachable or login refused"})
public final class AkteCli implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        // SLF4J (pulled in by PDFBox and Tika) would otherwise warn about its missing provider across the progress line
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for the launcher and for in-process use by tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AkteCli());
        commandLine.setParameterExceptionHandler(AkteCli::usageError);
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            err.println(failed.getCommandName() + ": " + oneLine(error));
            if (parseResult.expandedArgs().contains("--verbose")) {
                error.printStackTrace(err);
            }
            err.flush();
            return ImportReport.ITEMS_FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command, e.g. akte import --help");
    }

    private static int usageError(ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(failed.getCommandSpec().qualifiedName() + ": " + error.getMessage());
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ImportReport.USAGE;
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** The version from the jar's manifest; a build from the IDE has none. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AkteCli.class.getPackage().getImplementationVersion();
            return new String[] {"akte " + (version == null ? "(development build)" : version)};
        }
    }
}
