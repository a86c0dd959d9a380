package de.akte.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Predicate;

import static de.akte.web.it.ApiClient.fields;
import static de.akte.web.it.ApiClient.q;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record store end to end through the REST API of the provisioned WildFly. */
class RecordStoreApiIT {

    private static final String PASSWORD = "it-password-123";
    private static final ApiClient ADMIN = ApiClient.admin();
    private static String building;
    private static String social;
    private static ApiClient buildingClerk;
    private static ApiClient socialClerk;
    private static String buildingFile;

    @BeforeAll
    static void organisation() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        building = "bau" + run;
        social = "soz" + run;
        assertEquals(201, ADMIN.postJson("/api/departments",
                "{\"code\":\"" + building + "\",\"name\":\"Bauaufsicht\",\"referencePrefixes\":[\"63-" + run
                        + "/\"]}").status());
        assertEquals(201, ADMIN.postJson("/api/departments",
                "{\"code\":\"" + social + "\",\"name\":\"Sozialamt\"}").status());
        createUser("bau." + run, building);
        createUser("soz." + run, social);
        buildingClerk = ApiClient.as("bau." + run, PASSWORD);
        socialClerk = ApiClient.as("soz." + run, PASSWORD);
        buildingFile = "63-" + run + "/2025";
        ApiClient.Answer created = buildingClerk.postJson("/api/case-files", "{\"fileReference\":\"" + buildingFile
                + "\",\"title\":\"Neubau Lindenstraße 4\",\"department\":\"" + building + "\"}");
        assertEquals(201, created.status(), created::text);
    }

    private static void createUser(String username, String department) {
        ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + department + "\"]}");
        assertEquals(201, a.status(), a::text);
    }

    static byte[] pdf(String... pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static JsonObject awaitDocument(ApiClient client, long id, Predicate<JsonObject> condition) {
        return client.awaitDocument(id, condition, Duration.ofSeconds(60));
    }

    private static JsonObject awaitSearch(ApiClient client, String query, int expectedTotal) {
        return client.awaitSearch(query, expectedTotal);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void uploadSearchNewVersionDownloadWalkthrough() throws Exception {
        byte[] original = pdf("Antrag auf Baugenehmigung fuer ein Einfamilienhaus", "Lageplan Straße Nummer vier");
        ApiClient.Answer created = buildingClerk.upload("/api/documents",
                fields("title", "Bauantrag Lindenstraße", "caseFile", buildingFile, "documentType", "Bauantrag"),
                "bauantrag.pdf", original);
        assertEquals(201, created.status(), created::text);
        JsonObject doc = created.json();
        long id = doc.getJsonNumber("id").longValue();
        assertNotNull(created.header("Location"));
        assertTrue(created.header("Location").endsWith("/api/documents/" + id));
        assertEquals(buildingFile, doc.getString("caseFile"));
        assertEquals(building, doc.getString("department"));
        assertEquals(1, doc.getInt("currentVersion"));

        awaitDocument(buildingClerk, id, d -> "READY".equals(d.getString("status")));
        // German analysis: the compound in the query matches through decomposition, ss finds ß
        JsonObject result = awaitSearch(buildingClerk, "Baugenehmigung", 1);
        JsonObject hit = result.getJsonArray("items").getJsonObject(0);
        assertEquals(id, hit.getJsonNumber("documentId").longValue());
        assertEquals(buildingFile, hit.getString("caseFile"));
        assertTrue(hit.getJsonArray("snippets").getString(0).contains("<mark>"), hit::toString);
        assertEquals(1, hit.getJsonArray("pages").getInt(0));
        assertEquals(1, result.getJsonObject("facets").getJsonObject("department").getInt(building));
        JsonObject street = buildingClerk.get("/api/search?q=Strasse").json();
        assertEquals(2, street.getJsonArray("items").getJsonObject(0).getJsonArray("pages").getInt(0), street::toString);

        JsonObject text = buildingClerk.get("/api/documents/" + id + "/text").json();
        assertEquals(2, text.getJsonArray("pages").size());

        byte[] second = pdf("Geänderter Bauantrag mit Carport");
        ApiClient.Answer v2 = buildingClerk.upload("/api/documents/" + id + "/versions", fields(), "bauantrag-v2.pdf", second);
        assertEquals(201, v2.status(), v2::text);
        assertEquals(2, v2.json().getInt("version"));
        // a version's bytes are served once the malware scan has passed it
        buildingClerk.awaitDocument(id, d -> d.getString("status").equals("READY"), java.time.Duration.ofSeconds(60));

        JsonArray versions = (JsonArray) buildingClerk.get("/api/documents/" + id + "/versions").structure();
        assertEquals(2, versions.size());
        assertEquals(sha256(original), versions.getJsonObject(0).getString("sha256"));
        assertEquals(sha256(second), versions.getJsonObject(1).getString("sha256"));

        ApiClient.Answer download = buildingClerk.get("/api/documents/" + id + "/versions/1/content");
        assertEquals(200, download.status());
        assertArrayEquals(original, download.bytes());
        assertEquals("\"" + sha256(original) + "\"", download.header("ETag"));
        assertArrayEquals(second, buildingClerk.get("/api/documents/" + id + "/versions/2/content").bytes());
        assertEquals(404, buildingClerk.get("/api/documents/" + id + "/versions/3/content").status());
        assertEquals(404, buildingClerk.get("/api/documents/" + id + "/versions/1/rendition").status());

        awaitSearch(buildingClerk, "Carport", 1);
    }

    @Test
    void clerkOfAnotherDepartmentSeesNothing() throws Exception {
        ApiClient.Answer created = buildingClerk.upload("/api/documents",
                fields("caseFile", buildingFile), "gutachten.pdf", pdf("Statisches Gutachten Zuckerhutbruecke"));
        long id = created.json().getJsonNumber("id").longValue();
        awaitSearch(buildingClerk, "Zuckerhutbruecke", 1);

        ApiClient.Answer hidden = socialClerk.get("/api/documents/" + id);
        assertEquals(404, hidden.status());
        assertEquals("application/problem+json", hidden.header("Content-Type"));
        assertEquals(404, socialClerk.get("/api/documents/" + id + "/versions/1/content").status());
        assertEquals(404, socialClerk.get("/api/documents/" + id + "/versions").status());
        JsonObject search = socialClerk.get("/api/search?q=Zuckerhutbruecke").json();
        assertEquals(0, search.getInt("total"));
        assertFalse(search.getJsonObject("facets").getJsonObject("department").containsKey(building));
        ApiClient.Answer foreignFiles = socialClerk.get("/api/case-files?reference=" + q(buildingFile));
        assertEquals(200, foreignFiles.status(), foreignFiles::text);
        assertEquals(0, foreignFiles.json().getInt("total"), foreignFiles::text);
        long caseFileId = buildingClerk.get("/api/case-files?reference=" + q(buildingFile)).json()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(404, socialClerk.get("/api/case-files/" + caseFileId).status());
        JsonObject detail = buildingClerk.get("/api/case-files/" + caseFileId).json();
        assertTrue(detail.getJsonArray("documents").size() >= 1);
    }

    @Test
    void badInputGetsProblemWithReasonAndStoresNothing() throws Exception {
        assertProblem(buildingClerk.upload("/api/documents", fields("caseFile", buildingFile), "leer.pdf", new byte[0]),
                400, "empty");
        assertProblem(buildingClerk.upload("/api/documents", fields("caseFile", buildingFile), "../../etc/passwd",
                "root:x:0:0".getBytes(StandardCharsets.UTF_8)), 400, "path");
        assertProblem(buildingClerk.upload("/api/documents", fields("caseFile", "00-00/1900"), "a.pdf", pdf("x")),
                400, "no case file");
        assertProblem(buildingClerk.upload("/api/documents", fields("department", "nope"), "a.pdf", pdf("x")),
                400, "no department");
        assertProblem(buildingClerk.upload("/api/documents", fields("caseFile", buildingFile), null, null), 400, "file");
        assertProblem(buildingClerk.postJson("/api/documents", "{\"title\":\"kein Multipart\"}"), 415, "");
        assertProblem(buildingClerk.postJson("/api/case-files", "{\"title\":\"\"}"), 400, "");
        assertProblem(buildingClerk.postJson("/api/case-files", "{not json"), 400, "");
        assertProblem(buildingClerk.get("/api/search?q=x&page=zwei"), 400, "page");
        assertProblem(buildingClerk.get("/api/search?q=x&from=gestern"), 400, "from");
        assertProblem(buildingClerk.get("/api/documents/999999999"), 404, "");
        assertProblem(buildingClerk.postJson("/api/departments", "{\"code\":\"x\",\"name\":\"y\"}"), 403, "ADMIN");
        assertEquals(0, buildingClerk.get("/api/search?q=" + q("root:x:0:0")).json().getInt("total"));
    }

    @Test
    void refusesFilesOverTheLimitAndExecutables() {
        // the server under test is started with a 20 MiB limit
        byte[] big = new byte[21 * 1024 * 1024];
        assertProblem(buildingClerk.upload("/api/documents", fields("caseFile", buildingFile), "scan.pdf", big),
                413, "limit");
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
        ApiClient.Answer refused = buildingClerk.upload("/api/documents", fields("caseFile", buildingFile), "rechnung.pdf",
                exe);
        assertProblem(refused, 415, "not accepted");
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String detailContains) {
        assertEquals(status, answer.status(), answer::text);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.header("Content-Type"));
        JsonObject problem = answer.json();
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").toLowerCase().contains(detailContains.toLowerCase()), problem::toString);
        assertFalse(answer.text().contains("Exception"), answer::text);
    }

    @Test
    void everyEndpointNeedsAuthenticationButHealth() {
        ApiClient.Answer anonymous = ApiClient.anonymous().get("/api/search?q=x");
        assertEquals(401, anonymous.status());
        assertNotNull(anonymous.header("WWW-Authenticate"));
        assertEquals(401, ApiClient.anonymous().get("/api/documents/1").status());
        assertEquals(401, ApiClient.as("admin", "wrong-password").get("/api/search?q=x").status());
        ApiClient.Answer health = ApiClient.anonymous().get("/api/health");
        assertEquals(200, health.status());
        ServingHealth.assertServing(health.json());
    }

    @Test
    void bearerTokenWorksLikeThePassword() {
        ApiClient.Answer issued = buildingClerk.post("/api/auth/token");
        assertEquals(200, issued.status(), issued::text);
        ApiClient token = ApiClient.bearer(issued.json().getString("token"));
        assertEquals(200, token.get("/api/search?q=irgendwas").status());
        assertEquals(401, ApiClient.bearer("forged-token").get("/api/search?q=x").status());
    }

    @Test
    void auditChainVerifiesAndIndexRebuildsFromDatabase() throws Exception {
        buildingClerk.upload("/api/documents", fields("caseFile", buildingFile), "protokoll.pdf",
                pdf("Protokoll der Ortsbegehung Wendehammer"));
        awaitSearch(buildingClerk, "Wendehammer", 1);
        JsonObject verify = ADMIN.get("/api/admin/audit/verify").json();
        assertTrue(verify.getBoolean("intact"), verify::toString);
        assertTrue(verify.getJsonNumber("entriesChecked").longValue() > 3);
        assertEquals(403, buildingClerk.get("/api/admin/audit/verify").status());

        JsonObject rebuilt = ADMIN.post("/api/admin/index/rebuild").json();
        assertTrue(rebuilt.getJsonNumber("documentsIndexed").longValue() >= 1, rebuilt::toString);
        assertEquals(1, buildingClerk.get("/api/search?q=Wendehammer").json().getInt("total"));
    }

    @Test
    void servesOpenApiDocument() {
        ApiClient.Answer openapi = ApiClient.anonymous().get("/api/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.text().contains("/api/documents"), () -> openapi.text().substring(0, 200));
    }
}
