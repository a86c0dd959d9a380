package de.akte.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A wrapper around the real Tesseract that hangs in recognition while a flag file exists (as a Tesseract stuck on
 * a page would), and otherwise runs the real program. Questions like {@code --list-langs} are always answered.
 */
final class HangingTesseract {

    private final Path script;
    private final Path flag;

    private HangingTesseract(Path script, Path flag) {
        this.script = script;
        this.flag = flag;
    }

    static HangingTesseract wrapping(Path realTesseract, Path directory) {
        Path script = directory.resolve("tesseract-hanging.sh");
        Path flag = directory.resolve("tesseract-hangs.flag");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(flag);
            Files.writeString(script, "#!/bin/sh\n"
                    + "case \"$1\" in -*) exec '" + realTesseract + "' \"$@\" ;; esac\n"
                    + "while [ -e '" + flag + "' ]; do sleep 0.2; done\n"
                    + "exec '" + realTesseract + "' \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HangingTesseract(script, flag);
    }

    Path program() {
        return script;
    }

    void hang() {
        try {
            Files.writeString(flag, "hang");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void recover() {
        try {
            Files.deleteIfExists(flag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
