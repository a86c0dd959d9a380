import com.fasterxml.jackson.databind.JsonNode;
import de.akte.ingest.cli.ApiClient;
import de.akte.ingest.cli.ServerConnection;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.IMAPFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Against a running Akte that reads an IMAP mailbox (AKTE_MAILBOXES): delivers N messages into that mailbox by
 * IMAP APPEND, each with three attachments (a PDF, a DOCX and a small text file), and waits until all their
 * documents (message and attachments, 4 per message) are searchable. Prints messages per minute from the first
 * APPEND until the last document is found.
 *
 * bench/run MailIntakeBench --url http://127.0.0.1:8480 --password … --imap-port 14300 --imap-user eingang
 *      --imap-password … [--folder INBOX] [--messages 100] [--department bench]
 * The mailbox must deliver into the department (created here if missing).
 */
public class MailIntakeBench {

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", "http://127.0.0.1:8080");
        String password = arg(args, "--password", System.getenv("AKTE_PASSWORD"));
        int messages = Integer.parseInt(arg(args, "--messages", "100"));
        String department = arg(args, "--department", "bench");
        String folder = arg(args, "--folder", "INBOX");
        ApiClient api = new ApiClient(new ServerConnection(URI.create(url), arg(args, "--user", "admin"), password));
        send(api, api.postJson("/api/departments", api.object().put("code", department).put("name", "Benchmark")));
        // the mailbox waits for its department: deliver once it reads the folder, or the wait is measured too
        for (int i = 0; i < 600 && !up(api); i++) {
            Thread.sleep(500);
        }
        String marker = "mailbench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        byte[] pdf = pdf(marker);
        byte[] docx = docx(marker);
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(arg(args, "--imap-host", "127.0.0.1"), Integer.parseInt(arg(args, "--imap-port", "143")),
                arg(args, "--imap-user", "eingang"), arg(args, "--imap-password", ""));
        IMAPFolder inbox = (IMAPFolder) store.getFolder(folder);
        inbox.open(Folder.READ_WRITE);
        System.out.printf("delivering %d messages (PDF, DOCX, text each) into %s, marker %s%n", messages, folder,
                marker);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            byte[] raw = message(marker, i, pdf, docx);
            inbox.doCommand(p -> {
                p.append(folder, new Flags(), null, new Literal() {
                    @Override
                    public int size() {
                        return raw.length;
                    }

                    @Override
                    public void writeTo(OutputStream os) throws IOException {
                        os.write(raw);
                    }
                });
                return null;
            });
        }
        double delivered = (System.nanoTime() - start) / 1e9;
        store.close();
        long expected = 4L * messages;
        long found;
        do {
            Thread.sleep(500);
            found = total(api, marker);
        } while (found < expected && (System.nanoTime() - start) / 1e9 < 3600);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("delivered:  %d messages in %.1f s%n", messages, delivered);
        System.out.printf("searchable: %d of %d documents in %.1f s = %.1f messages/min (%.1f documents/s)%n", found,
                expected, seconds, messages / seconds * 60, found / seconds);
    }

    private static byte[] message(String marker, int n, byte[] pdf, byte[] docx) {
        String boundary = "bench-" + n;
        StringBuilder m = new StringBuilder();
        m.append("From: Bürger ").append(n).append(" <buerger").append(n).append("@example.org>\r\n");
        m.append("To: Posteingang <post@stadt.example>\r\n");
        m.append("Subject: Antrag ").append(n).append(" ").append(marker).append("\r\n");
        m.append("Date: Thu, 3 Dec 2026 10:00:00 +0100\r\n");
        m.append("Message-ID: <").append(marker).append('-').append(n).append("@example.org>\r\n");
        m.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        m.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        m.append("Sehr geehrte Damen und Herren, anbei mein Antrag ").append(marker).append(".\r\n");
        part(m, boundary, "antrag.pdf", "application/pdf", pdf);
        part(m, boundary, "lageplan.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx);
        part(m, boundary, "notiz.txt", "text/plain; charset=UTF-8",
                ("Notiz zum Antrag " + n + " " + marker).getBytes(StandardCharsets.UTF_8));
        m.append("--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void part(StringBuilder m, String boundary, String name, String type, byte[] bytes) {
        m.append("--").append(boundary).append("\r\nContent-Type: ").append(type).append("\r\n");
        m.append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        m.append(Base64.getMimeEncoder(76, new byte[]{'\r', '\n'}).encodeToString(bytes)).append("\r\n");
    }

    private static byte[] pdf(String marker) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Bauantrag fuer das Flurstueck 17, Gemarkung Musterstadt " + marker);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(String marker) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Lageplan mit Zufahrt und Stellplatz " + marker);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static boolean up(ApiClient api) throws Exception {
        JsonNode mailboxes = api.json(send(api, api.request("/api/admin/mailboxes").GET()));
        for (JsonNode mailbox : mailboxes) {
            if (!"UP".equals(mailbox.path("state").asText())) {
                return false;
            }
        }
        return mailboxes.size() > 0;
    }

    private static long total(ApiClient api, String q) throws Exception {
        HttpResponse<byte[]> answer = send(api, api.request("/api/search?size=1&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)).GET());
        JsonNode json = api.json(answer);
        return json.path("total").asLong(0);
    }

    private static HttpResponse<byte[]> send(ApiClient api, HttpRequest.Builder request) throws Exception {
        return api.send(request.timeout(Duration.ofMinutes(2)).build());
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
