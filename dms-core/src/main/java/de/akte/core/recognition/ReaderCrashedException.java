package de.akte.core.recognition;

/**
 * The separate process that read a file died with it: it ran out of its memory, overflowed its stack, crashed or
 * was stopped at its time limit. The server is unharmed, but the file would do it again: the caller counts it like a
 * worker crash, so a file that does it repeatedly is set aside. The message is a sentence for people, e.g. "the
 * file's reader ran out of its memory (512 MiB)".
 */
public class ReaderCrashedException extends RuntimeException {
    public ReaderCrashedException(String reason) {
        super(reason);
    }
}
