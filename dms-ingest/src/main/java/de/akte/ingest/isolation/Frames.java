package de.akte.ingest.isolation;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Length-prefixed frames on a process's pipe: a 4-byte payload length, a kind byte, then the payload. A length
 * above the reader's limit is refused before anything is allocated for it.
 */
final class Frames {

    /** The reader process started and is ready for a job (no payload). */
    static final byte READY = 'R';
    /** The reader made progress: a step or page is done (no payload). */
    static final byte BEAT = 'B';
    /** A serialised {@link Wire.Job} or {@link Wire.Answer}. */
    static final byte MESSAGE = 'M';

    private Frames() {
    }

    /** One frame read from a pipe. */
    record Frame(byte kind, byte[] payload) {
    }

    static void write(DataOutputStream out, byte kind, byte[] payload) throws IOException {
        out.writeInt(payload.length);
        out.writeByte(kind);
        out.write(payload);
        out.flush();
    }

    /**
     * Reads the next frame.
     *
     * @throws java.io.EOFException  when the other side closed the pipe (it died or ended)
     * @throws RefusedAnswerException when the frame announces a negative length or more than {@code maxPayload}
     */
    static Frame read(DataInputStream in, int maxPayload) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxPayload) {
            throw new RefusedAnswerException("a message of " + length + " bytes (at most " + maxPayload + ")");
        }
        byte kind = in.readByte();
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new java.io.EOFException("the pipe closed within a message");
        }
        return new Frame(kind, payload);
    }

    static byte[] serialize(Object message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise " + message.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }
}
