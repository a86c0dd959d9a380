package de.akte.core.infrastructure.clamav;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * clamd's socket protocol, the few commands Akte needs: {@code zPING}, {@code zVERSION} and {@code zINSTREAM}
 * (the file sent in length-prefixed chunks, ended by a zero length). Every wait is bounded: connecting, each write
 * and the answer; a clamd that hangs is reported like one that is down.
 */
public final class ClamdClient {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 8 * 1024;

    private final ClamdAddress address;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private final Duration scanTimeout;

    /** One wait for everything after connecting: each write, a command's answer and a scan's answer. */
    public ClamdClient(ClamdAddress address, Duration connectTimeout, Duration readTimeout) {
        this(address, connectTimeout, readTimeout, readTimeout);
    }

    /**
     * {@code commandTimeout} bounds PING and VERSION, {@code scanTimeout} each write and the answer of a scan: a
     * large file may take clamd minutes, but whether clamd is alive must be known in seconds.
     */
    public ClamdClient(ClamdAddress address, Duration connectTimeout, Duration commandTimeout, Duration scanTimeout) {
        this.address = address;
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
        this.scanTimeout = scanTimeout;
    }

    public ClamdAddress address() {
        return address;
    }

    /** {@code PONG} when clamd is up. */
    public String ping() throws IOException {
        return command("zPING\0");
    }

    /** E.g. {@code ClamAV 1.4.6/27000/Thu Dec  3 09:12:00 2026}; without a CVD database only the engine. */
    public String version() throws IOException {
        return command("zVERSION\0");
    }

    /**
     * Streams {@code content} to clamd and returns its answer, e.g. {@code stream: OK},
     * {@code stream: Eicar-Signature FOUND} or {@code INSTREAM size limit exceeded. ERROR}. If clamd closes the
     * connection while the file is still being sent (its StreamMaxLength reached), its answer is read all the same.
     */
    public String instream(InputStream content) throws IOException {
        try (Connection connection = connect(scanTimeout)) {
            connection.write(ByteBuffer.wrap("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
            byte[] chunk = new byte[CHUNK];
            ByteBuffer frame = ByteBuffer.allocate(4 + CHUNK);
            try {
                int n;
                while ((n = content.readNBytes(chunk, 0, CHUNK)) > 0) {
                    frame.clear();
                    frame.putInt(n).put(chunk, 0, n).flip();
                    connection.write(frame);
                }
                connection.write(ByteBuffer.allocate(4).putInt(0).flip());
            } catch (ConnectionRefusedMidway e) {
                // clamd stops reading at its limit and says why before it closes: that answer is the result
                String reply = connection.readReply();
                if (reply.isEmpty()) {
                    throw e.cause;
                }
                return reply;
            }
            return connection.readReply();
        }
    }

    private String command(String command) throws IOException {
        try (Connection connection = connect(commandTimeout)) {
            connection.write(ByteBuffer.wrap(command.getBytes(StandardCharsets.US_ASCII)));
            return connection.readReply();
        }
    }

    private Connection connect(Duration timeout) throws IOException {
        SocketAddress target = address.socketAddress();
        StandardProtocolFamily family = StandardProtocolFamily.UNIX;
        if (target instanceof InetSocketAddress inet) {
            // resolved at each connection, so that a clamd moved to another address is found again
            InetSocketAddress resolved = new InetSocketAddress(inet.getHostString(), inet.getPort());
            if (resolved.isUnresolved()) {
                throw new java.net.UnknownHostException("clamd's host " + inet.getHostString() + " is not known");
            }
            target = resolved;
            family = resolved.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        }
        SocketChannel channel = SocketChannel.open(family);
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            Connection connection = new Connection(channel, selector, timeout.toMillis());
            if (!channel.connect(target)) {
                SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
                if (selector.select(Math.max(1, connectTimeout.toMillis())) == 0) {
                    throw new IOException("no connection to clamd at " + address + " within "
                            + connectTimeout.toMillis() + " ms");
                }
                selector.selectedKeys().clear();
                channel.finishConnect();
                key.interestOps(0);
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            if (selector != null) {
                selector.close();
            }
            channel.close();
            throw e;
        }
    }

    /** A write failed because clamd closed its side; its last answer may still be waiting to be read. */
    private static final class ConnectionRefusedMidway extends IOException {
        private final IOException cause;

        ConnectionRefusedMidway(IOException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }
    }

    private final class Connection implements AutoCloseable {
        private final SocketChannel channel;
        private final Selector selector;
        private final long timeoutMillis;

        Connection(SocketChannel channel, Selector selector, long timeoutMillis) {
            this.channel = channel;
            this.selector = selector;
            this.timeoutMillis = Math.max(1, timeoutMillis);
        }

        void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                int written;
                try {
                    written = channel.write(buffer);
                } catch (IOException e) {
                    throw new ConnectionRefusedMidway(e);
                }
                if (written == 0) {
                    await(SelectionKey.OP_WRITE, "clamd at " + address + " took no data for " + timeoutMillis + " ms");
                }
            }
        }

        /** Reads up to clamd's NUL terminator or the end of the connection. */
        String readReply() throws IOException {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            while (true) {
                buffer.clear();
                int read;
                try {
                    read = channel.read(buffer);
                } catch (IOException e) {
                    // a reset after the answer was sent: keep what arrived
                    if (reply.size() > 0) {
                        break;
                    }
                    throw e;
                }
                if (read < 0) {
                    break;
                }
                if (read == 0) {
                    await(SelectionKey.OP_READ, "clamd at " + address + " did not answer within " + timeoutMillis
                            + " ms");
                    continue;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == 0) {
                        return reply.toString(StandardCharsets.UTF_8).strip();
                    }
                    reply.write(b);
                }
                if (reply.size() > MAX_REPLY) {
                    throw new IOException("clamd at " + address + " answered more than " + MAX_REPLY + " bytes");
                }
            }
            return reply.toString(StandardCharsets.UTF_8).strip();
        }

        private void await(int operation, String timeoutMessage) throws IOException {
            SelectionKey key = channel.keyFor(selector);
            if (key == null) {
                key = channel.register(selector, operation);
            } else {
                key.interestOps(operation);
            }
            int ready = selector.select(timeoutMillis);
            selector.selectedKeys().clear();
            key.interestOps(0);
            if (ready == 0) {
                throw new java.net.SocketTimeoutException(timeoutMessage);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                selector.close();
            } finally {
                channel.close();
            }
        }
    }
}
