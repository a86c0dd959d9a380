package de.akte.ingest.isolation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Set;

/**
 * Decodes messages from the other side of a pipe with Java serialisation under a strict filter: only the
 * {@link Wire} records (and strings, primitive arrays) of one direction, at most a few levels deep, with bounded
 * arrays, references and bytes. A reader process handles hostile files and may be subverted by one: whatever it
 * sends is decoded as if an attacker wrote it, so no gadget class is ever instantiated.
 */
final class WireDecoder {

    /** Largest message accepted: the text and word boxes of a few thousand pages. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_ARRAY = 1_000_000;
    private static final long MAX_REFERENCES = 5_000_000;

    private static final Set<Class<?>> ANSWERS = Set.of(Wire.Recognized.class, Wire.Page.class, Wire.Word.class,
            Wire.Field.class, Wire.Part.class, Wire.Rendered.class, Wire.Failure.class, Wire.Pong.class, String.class);
    private static final Set<Class<?>> JOBS = Set.of(Wire.Recognize.class, Wire.Render.class, Wire.Ping.class,
            String.class);

    private final Set<Class<?>> allowed;
    private final Class<?> expected;

    private WireDecoder(Set<Class<?>> allowed, Class<?> expected) {
        this.allowed = allowed;
        this.expected = expected;
    }

    /** Decodes what a reader process answers: the server's side. */
    static WireDecoder answers() {
        return new WireDecoder(ANSWERS, Wire.Answer.class);
    }

    /** Decodes the jobs the server sends: the reader process's side. */
    static WireDecoder jobs() {
        return new WireDecoder(JOBS, Wire.Job.class);
    }

    /** The filter deciding each class, array and reference while a message is decoded. */
    ObjectInputFilter filter() {
        return info -> {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > MAX_BYTES
                    || info.arrayLength() > MAX_ARRAY) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            return type.isPrimitive() || allowed.contains(type)
                    ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        };
    }

    /** Decodes one message, or refuses it. */
    Object decode(byte[] payload) throws RefusedAnswerException {
        if (payload.length > MAX_BYTES) {
            throw new RefusedAnswerException("a message of " + payload.length + " bytes");
        }
        Object message;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(filter());
            message = in.readObject();
            if (in.read() != -1) {
                throw new RefusedAnswerException("trailing bytes after a message");
            }
        } catch (InvalidClassException e) {
            throw new RefusedAnswerException("a message with a class that is not allowed: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new RefusedAnswerException("a malformed message: " + e, e);
        }
        if (!expected.isInstance(message)) {
            throw new RefusedAnswerException("a message of type " + (message == null ? "null"
                    : message.getClass().getName()));
        }
        return message;
    }
}
