package de.akte.ingest.cli;

import java.io.Console;
import java.util.Map;

/** Gets the password from {@code AKTE_PASSWORD} or, failing that, asks for it on the terminal without echo. */
final class PasswordPrompt {

    static final String VARIABLE = "AKTE_PASSWORD";

    private final Map<String, String> environment;
    private final Console console;

    PasswordPrompt(Map<String, String> environment, Console console) {
        this.environment = environment;
        this.console = console;
    }

    String password(String user) {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (console == null) {
            throw new ImportUsageException("no password: set " + VARIABLE + " or run the command in a terminal");
        }
        char[] typed = console.readPassword("Password for %s: ", user);
        if (typed == null) {
            throw new ImportUsageException("no password entered");
        }
        return new String(typed);
    }
}
