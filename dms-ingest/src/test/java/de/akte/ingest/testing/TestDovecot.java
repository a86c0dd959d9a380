package de.akte.ingest.testing;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Dovecot (Debian's dovecot-imapd) as a private IMAP server for one test class: its own configuration,
 * port, user database (a passwd file with one test user) and maildirs in a temporary folder; started in the
 * foreground and stopped with the test. It never runs as root: under a root JVM it is started as {@code nobody}.
 * Mail is delivered by IMAP APPEND, byte for byte. Without Dovecot the tests are skipped locally and fail on CI
 * ({@code CI=true}).
 */
public final class TestDovecot implements AutoCloseable {

    public static final String USER = "eingang";
    public static final String PASSWORD = "geheim-2026";

    private static final String DOVECOT = System.getProperty("akte.test.dovecot", "/usr/sbin/dovecot");

    private final Path dir;
    private final int port;
    private Process process;

    private TestDovecot(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Writes the configuration into {@code dir} and starts Dovecot; skips (or fails on CI) without it. */
    public static TestDovecot start(Path dir) {
        if (!Files.isExecutable(Path.of(DOVECOT))) {
            String reason = "Dovecot not found at " + DOVECOT + ": install the Debian package dovecot-imapd";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            System.err.println("IMAP tests skipped. " + reason);
            assumeTrue(false, reason);
        }
        try {
            TestDovecot dovecot = new TestDovecot(Files.createDirectories(dir), freePort());
            dovecot.launch();
            return dovecot;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Dovecot", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Delivers a message by IMAP APPEND into the folder, exactly these bytes. */
    public void deliver(String folder, byte[] message) {
        withFolder(folder, f -> {
            f.doCommand(protocol -> {
                protocol.append(folder, new Flags(), null, new Literal() {
                    @Override
                    public int size() {
                        return message.length;
                    }

                    @Override
                    public void writeTo(OutputStream os) throws IOException {
                        os.write(message);
                    }
                });
                return null;
            });
            return null;
        });
    }

    /** Creates a folder of the test user's. */
    public void createFolder(String name) {
        withStore(store -> {
            Folder f = store.getFolder(name);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            return null;
        });
    }

    /** The flags of each message in the folder, in order (system flags as {@code \Seen}, keywords by name). */
    public List<List<String>> flags(String folder) {
        return withFolder(folder, f -> {
            List<List<String>> all = new ArrayList<>();
            for (Message m : f.getMessages()) {
                List<String> names = new ArrayList<>(List.of(m.getFlags().getUserFlags()));
                if (m.getFlags().contains(Flags.Flag.SEEN)) {
                    names.add("\\Seen");
                }
                all.add(names);
            }
            return all;
        });
    }

    /** Removes the given keyword from every message of the folder, as if Akte had never marked them. */
    public void unmark(String folder, String keyword) {
        withFolder(folder, f -> {
            f.setFlags(1, f.getMessageCount(), new Flags(keyword), false);
            return null;
        });
    }

    public int count(String folder) {
        return withFolder(folder, Folder::getMessageCount);
    }

    private interface FolderWork<T> {
        T run(IMAPFolder folder) throws MessagingException;
    }

    private interface StoreWork<T> {
        T run(Store store) throws MessagingException;
    }

    private <T> T withFolder(String name, FolderWork<T> work) {
        return withStore(store -> {
            IMAPFolder f = (IMAPFolder) store.getFolder(name);
            f.open(Folder.READ_WRITE);
            try {
                return work.run(f);
            } finally {
                f.close(false);
            }
        });
    }

    private <T> T withStore(StoreWork<T> work) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(host(), port, USER, PASSWORD);
            try {
                return work.run(store);
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP to the test Dovecot failed", e);
        }
    }

    private void launch() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        String user = root ? "nobody" : System.getProperty("user.name");
        String uid = root ? "65534" : id("-u");
        String gid = root ? "65534" : id("-g");
        String group = root ? groupOf(gid) : id("-gn");
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("passwd"), USER + ":{PLAIN}" + PASSWORD + "\n");
        Files.writeString(dir.resolve("dovecot.conf"), String.join("\n",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "log_path = " + dir.resolve("dovecot.log"),
                "protocols = imap",
                "listen = 127.0.0.1",
                "ssl = no",
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login",
                "default_internal_user = " + user,
                "default_internal_group = " + group,
                "default_login_user = " + user,
                "first_valid_uid = 1",
                "passdb {",
                "  driver = passwd-file",
                "  args = scheme=PLAIN username_format=%u " + dir.resolve("passwd"),
                "}",
                "userdb {",
                "  driver = static",
                "  args = uid=" + uid + " gid=" + gid + " home=" + dir.resolve("home") + "/%u",
                "}",
                "mail_location = maildir:~/Maildir",
                "service imap-login {",
                "  chroot =",
                "  inet_listener imap {",
                "    port = " + port,
                "  }",
                "  inet_listener imaps {",
                "    port = 0",
                "  }",
                "}",
                "service anvil {",
                "  chroot =",
                "}",
                ""));
        List<String> command = new ArrayList<>();
        if (root) {
            // Dovecot's login processes refuse to run as root: the whole instance runs as nobody
            chownToNobody();
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(DOVECOT, "-F", "-c", dir.resolve("dovecot.conf").toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Dovecot stopped at once: " + Files.readString(dir.resolve("dovecot.out"))
                        + log());
            }
            if (greets()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Dovecot", e);
            }
        }
        throw new IllegalStateException("Dovecot did not greet within 20 s: " + log());
    }

    private boolean greets() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port), 200);
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            byte[] greeting = in.readNBytes(4);
            return new String(greeting, StandardCharsets.US_ASCII).equals("* OK");
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() throws IOException {
        Path log = dir.resolve("dovecot.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void chownToNobody() throws IOException {
        run("chown", "-R", "65534:65534", dir.toString());
    }

    private static String groupOf(String gid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/group"))) {
            String[] fields = line.split(":");
            if (fields.length > 2 && fields[2].equals(gid)) {
                return fields[0];
            }
        }
        throw new IllegalStateException("no group with id " + gid);
    }

    private static String id(String option) throws IOException {
        return run("id", option).strip();
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops Dovecot and removes its folder. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder
        }
    }
}
