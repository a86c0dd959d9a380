package de.akte.web.it;

import de.akte.ingest.testing.InstalledTesseract;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The clerk web UI in headless Chromium against the running server: login, search with the hit highlighted on the
 * scanned page, the case file, annotations, a new version, and a record of another department.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class WebUiIT implements ScreenshotOnFailure.WithBrowser {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "web-ui-it-password";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String clerk = "clerk.ui." + run;
    private final String caseFile = "71-" + run + "/2026";
    private final String written = "Kanalnummer" + run;
    private String token;
    private Browser browser;
    private long caseFileId;
    private long scanId;
    private long textId;
    private long foreignId;

    @Override
    public Browser browser() {
        return browser;
    }

    @BeforeAll
    void data() throws IOException {
        String mine = "ui" + run;
        String theirs = "uo" + run;
        for (String code : List.of(mine, theirs)) {
            String numbering = code.equals(mine) ? ",\"referencePrefixes\":[\"71-" + run + "/\"]" : "";
            assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Amt " + code
                    + "\"" + numbering + "}").status());
        }
        ApiClient.Answer user = ADMIN.postJson("/api/users", "{\"username\":\"" + clerk + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + mine + "\"]}");
        assertEquals(201, user.status(), user::text);
        ApiClient.Answer created = ADMIN.postJson("/api/case-files", "{\"fileReference\":\"" + caseFile
                + "\",\"title\":\"Kanalsanierung Lindenweg\",\"department\":\"" + mine + "\"}");
        assertEquals(201, created.status(), created::text);
        caseFileId = created.json().getJsonNumber("id").longValue();
        assertEquals(201, ADMIN.postJson("/api/case-files/" + caseFileId + "/processes",
                "{\"title\":\"Anhörung Anlieger\"}").status());
        ApiClient.Answer foreign = ADMIN.upload("/api/documents", fields("title", "Gutachten fremd", "department",
                theirs), "fremd.txt", "vertrauliches Gutachten".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, foreign.status(), foreign::text);
        foreignId = foreign.json().getJsonNumber("id").longValue();
        ApiClient.Answer text = ADMIN.upload("/api/documents", fields("title", "Vermerk Ortstermin", "caseFile",
                caseFile), "vermerk.txt", "Ortstermin am Lindenweg vereinbart".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, text.status(), text::text);
        textId = text.json().getJsonNumber("id").longValue();

        browser = Browser.start();
        InstalledTesseract.probe().assumeAvailable();
        Path png = Files.createTempFile("akte-ui-scan", ".png");
        try {
            LetterScans.toPng(LetterScans.page(Letter.withSubject("Sanierung des Abwasserkanals " + written)), 300, png);
            ApiClient.Answer scan = ADMIN.upload("/api/documents", fields("title", "Schreiben Kanalsanierung",
                    "caseFile", caseFile), "kanal.png", Files.readAllBytes(png));
            assertEquals(201, scan.status(), scan::text);
            scanId = scan.json().getJsonNumber("id").longValue();
        } finally {
            Files.deleteIfExists(png);
        }
        JsonObject ready = ADMIN.awaitDocument(scanId, d -> !List.of("RECEIVED", "PROCESSING")
                .contains(d.getString("status")), Duration.ofSeconds(180));
        assertEquals("READY", ready.getString("status"), ready::toString);
        // search for the word as OCR read it: one misread character of the random part must not fail the UI test
        JsonObject page = ADMIN.get("/api/documents/" + scanId + "/text").json().getJsonArray("pages").getJsonObject(0);
        token = page.getJsonArray("words").stream().map(JsonObject.class::cast).map(w -> w.getString("text"))
                .filter(w -> w.startsWith("Kanalnummer")).map(w -> w.replaceAll("\\W+$", "")).findFirst()
                .orElseThrow(() -> new AssertionError("OCR did not read " + written + ": " + page.getString("text")));
        ADMIN.awaitSearch(token, 1);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        WebDriver d = driver();
        d.get(ApiClient.BASE + "/");
        d.manage().deleteAllCookies();
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("localStorage.clear(); sessionStorage.clear();");
        d.navigate().refresh();
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    private WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void open(String hash) {
        driver().get(ApiClient.BASE + "/" + hash);
    }

    private void login(String username, String password) {
        if (driver().findElements(By.id("login-username")).isEmpty()) {
            open("#/");
        }
        WebElement user = visible(By.id("login-username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver().findElement(By.id("login-password"));
        pass.clear();
        pass.sendKeys(password);
        driver().findElement(By.id("login-submit")).click();
    }

    private void loginAsClerk() {
        login(clerk, PASSWORD);
        visible(By.id("search-q"));
    }

    private String alertText() {
        return visible(By.id("alert")).getText();
    }

    @Test
    void showsTheLoginPageInGermanAndARefusalAsAReadableMessage() {
        open("#/");
        visible(By.id("login-form"));
        assertEquals("de", driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Benutzername", driver().findElement(By.cssSelector("label[for=login-username]")).getText());

        assertFalse(driver().findElement(By.id("nav")).isDisplayed());
        login(clerk, "falsch");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"),
                "Benutzername oder Passwort ist falsch."));
        assertFalse(driver().getPageSource().contains("Exception"));

        login(clerk, PASSWORD);
        visible(By.id("search-q"));
        assertTrue(driver().findElement(By.id("who")).getText().contains(clerk));
    }

    @Test
    void switchesToEnglishOnRequestAndRemembersIt() {
        loginAsClerk();
        driver().findElement(By.id("lang-toggle")).click();
        waiting().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals("Search", driver().findElement(By.id("nav-search")).getText());
        driver().navigate().refresh();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav-search"), "Search"));
        assertEquals("Search terms", visible(By.cssSelector("label[for=search-q]")).getText());
    }

    @Test
    void findsTheScanAndHighlightsTheSearchedWordOnThePageImage() {
        loginAsClerk();
        WebElement box = driver().findElement(By.id("search-q"));
        // the search box has the focus on arrival; Enter searches
        assertEquals(box, driver().switchTo().activeElement());
        box.sendKeys(token.toLowerCase(), org.openqa.selenium.Keys.ENTER);

        WebElement hit = visible(By.cssSelector(".hit"));
        assertEquals("1 Treffer", driver().findElement(By.id("result-count")).getText());
        assertTrue(hit.getText().contains(caseFile), hit::getText);
        assertTrue(hit.findElement(By.cssSelector(".snippet mark")).getText().equalsIgnoreCase(token),
                hit::getText);
        assertFalse(driver().findElements(By.cssSelector("#facet-department a")).isEmpty());

        hit.findElement(By.cssSelector("a.hit-title")).click();
        visible(By.id("page-image"));
        WebElement highlight = visible(By.cssSelector("#page-overlay .hit-box"));
        assertTrue(highlight.getAttribute("title").startsWith(token), highlight.getAttribute("title"));
        // the box sits on the displayed page: inside the image, with a size
        WebElement image = driver().findElement(By.id("page-image"));
        waiting().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        var img = image.getRect();
        var r = highlight.getRect();
        assertTrue(r.getWidth() > 10 && r.getHeight() > 3, r::toString);
        assertTrue(r.getX() >= img.getX() && r.getX() + r.getWidth() <= img.getX() + img.getWidth() + 1, r::toString);
        assertTrue(r.getY() >= img.getY() && r.getY() + r.getHeight() <= img.getY() + img.getHeight() + 1, r::toString);
        assertEquals("1 Treffer auf dieser Seite", driver().findElement(By.id("hit-info")).getText());
    }

    @Test
    void opensTheCaseFileWithStatusProcessesAndDocuments() {
        loginAsClerk();
        open("#/case-file?reference=" + caseFile);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), caseFile));
        assertEquals("offen", driver().findElement(By.id("case-status")).getText());
        assertTrue(driver().findElement(By.id("processes")).getText().contains("Anhörung Anlieger"));
        String docs = driver().findElement(By.id("loose-documents")).getText();
        assertTrue(docs.contains("Schreiben Kanalsanierung") && docs.contains("Vermerk Ortstermin"), docs);

        driver().findElement(By.linkText("Vermerk Ortstermin")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("doc-title"), "Vermerk Ortstermin"));
    }

    @Test
    void keepsAnAnnotationAcrossAReload() {
        loginAsClerk();
        open("#/documents/" + scanId);
        String note = "Rückruf Anlieger " + run;
        visible(By.id("note-text")).sendKeys(note);
        driver().findElement(By.id("note-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-list"), note));

        driver().navigate().refresh();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-list"), note));
        assertTrue(driver().findElement(By.id("note-list")).getText().contains(clerk));
        // and the note's text is found by search
        ADMIN.awaitSearch("Anlieger " + run, 1);
    }

    @Test
    void marksAHighlightAreaWithTheKeyboardAlone() {
        loginAsClerk();
        open("#/documents/" + scanId);
        visible(By.id("page-image"));
        // Enter on the button: a click without a pointer, so the box is drawn with the keys
        visible(By.id("mark-area")).sendKeys(org.openqa.selenium.Keys.ENTER);
        WebElement overlay = driver().findElement(By.id("page-overlay"));
        waiting().until(d -> overlay.equals(d.switchTo().activeElement()));
        overlay.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT, org.openqa.selenium.Keys.ARROW_RIGHT,
                org.openqa.selenium.Keys.ARROW_DOWN);
        overlay.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.SHIFT,
                org.openqa.selenium.Keys.ARROW_DOWN));
        overlay.sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("area-state"), "Bereich markiert"));
        String text = "Tastaturmarkierung " + run;
        driver().findElement(By.id("note-text")).sendKeys(text);
        driver().findElement(By.id("note-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-list"), text));

        JsonObject saved = ADMIN.get("/api/documents/" + scanId + "/annotations").structure().asJsonArray().stream()
                .map(JsonObject.class::cast).filter(a -> text.equals(a.getString("text"))).findFirst().orElseThrow();
        assertEquals("HIGHLIGHT", saved.getString("kind"));
        JsonObject area = saved.getJsonObject("area");
        assertEquals(0.27, area.getJsonNumber("x").doubleValue(), 0.001, area::toString);
        assertEquals(0.26, area.getJsonNumber("y").doubleValue(), 0.001, area::toString);
        assertEquals(0.5, area.getJsonNumber("width").doubleValue(), 0.001, area::toString);
        assertEquals(0.09, area.getJsonNumber("height").doubleValue(), 0.001, area::toString);
    }

    @Test
    void uploadsANewVersionAndADocumentIntoTheCaseFile() throws IOException {
        loginAsClerk();
        open("#/documents/" + textId);
        visible(By.id("versions"));
        Path file = Files.createTempFile("vermerk-v2-", ".txt");
        Path other = Files.createTempFile("nachtrag-", ".txt");
        try {
            Files.writeString(file, "Ortstermin verschoben auf Montag");
            driver().findElement(By.id("version-upload")).sendKeys(file.toString());
            waiting().until(d -> d.findElements(By.cssSelector("#versions tbody tr")).size() == 2);
            assertEquals(2, ADMIN.get("/api/documents/" + textId + "/versions").structure().asJsonArray().size());
            assertFalse(driver().findElements(By.cssSelector("#versions a.download-original")).isEmpty());

            open("#/case-files/" + caseFileId);
            Files.writeString(other, "Nachtrag zur Anhörung");
            visible(By.id("case-title"));
            driver().findElement(By.id("case-upload")).sendKeys(other.toString());
            String name = other.getFileName().toString().replace(".txt", "");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("loose-documents"), name));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(other);
        }
    }

    @Test
    void showsImportProgressAndTheReviewInbox() {
        ApiClient.Answer opened = ADMIN.postJson("/api/imports", "{\"key\":\"ui-" + run
                + "\",\"source\":\"Regal 7 " + run + "\",\"caseFile\":\"" + caseFile + "\",\"expectedItems\":3}");
        assertEquals(201, opened.status(), opened::text);
        long batch = opened.json().getJsonNumber("id").longValue();
        login("admin", ApiClient.ADMIN_PASSWORD);
        visible(By.id("search-q"));
        driver().findElement(By.id("nav-imports")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-list"), "Regal 7 " + run));
        driver().findElement(By.linkText(Long.toString(batch))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "Erwartet"));
        assertTrue(driver().findElement(By.id("import-progress")).getText().contains("wird importiert"),
                () -> driver().findElement(By.id("import-progress")).getText());

        driver().findElement(By.id("nav-inbox")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Posteingang"));
        // the administrator sees every department and picks whose inbox to review
        new org.openqa.selenium.support.ui.Select(visible(By.id("inbox-department"))).selectByValue("ui" + run);
        visible(By.id("inbox-department")).submit();
        waiting().until(d -> !d.findElements(By.cssSelector("#inbox-list .inbox-item")).isEmpty()
                || d.findElement(By.id("inbox-list")).getText().contains("Keine Dokumente warten auf Prüfung."));
    }

    @Test
    void staysReadableOnATabletWidth() {
        loginAsClerk();
        org.openqa.selenium.Dimension desktop = driver().manage().window().getSize();
        try {
            driver().manage().window().setSize(new org.openqa.selenium.Dimension(800, 1100));
            for (String page : List.of("#/search?q=" + token, "#/documents/" + scanId, "#/case-files/" + caseFileId)) {
                open(page);
                visible(By.cssSelector("h1, h2"));
                var js = (org.openqa.selenium.JavascriptExecutor) driver();
                long overflow = (Long) js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (overflow != 0) {
                    browser.saveEvidence("WebUiIT-tablet-" + page);
                    Object wide = js.executeScript("const w = document.documentElement.clientWidth;"
                            + "return [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 6)"
                            + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ':'"
                            + " + Math.round(e.getBoundingClientRect().right)).join(', ');");
                    assertEquals(0, overflow, page + " scrolls sideways: " + wide);
                }
            }
        } finally {
            driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void aQuarantinedOriginalHasNoLinkForTheClerkAndAnAdministratorMustConfirmTheAuditedDownload() {
        assumeTrue(ADMIN.get("/api/health").json().getJsonObject("malwareScan").getBoolean("enabled"),
                "the server under test does not scan (no clamd on this machine)");
        byte[] eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
                .getBytes(StandardCharsets.US_ASCII);
        ApiClient.Answer upload = ADMIN.upload("/api/documents", fields("title", "Anhang Bürgerpost", "caseFile",
                caseFile), "anhang.txt", eicar);
        assertEquals(201, upload.status(), upload::text);
        long id = upload.json().getJsonNumber("id").longValue();
        assertEquals("QUARANTINED", ADMIN.awaitDocument(id, d -> !List.of("RECEIVED", "PROCESSING")
                .contains(d.getString("status")), Duration.ofSeconds(120)).getString("status"));

        loginAsClerk();
        open("#/documents/" + id);
        WebElement versions = visible(By.id("versions"));
        assertTrue(versions.getText().contains("in Quarantäne: Schadsoftware gefunden"), versions::getText);
        assertTrue(driver().findElements(By.cssSelector("#versions a.download-original")).isEmpty());
        assertTrue(driver().findElements(By.cssSelector("#versions .download-withheld")).isEmpty());

        signedOut();
        login("admin", System.getProperty("akte.it.adminPassword"));
        visible(By.id("search-q"));
        open("#/documents/" + id);
        String since = java.time.Instant.now().minusSeconds(1).toString();
        visible(By.cssSelector("#versions .download-withheld")).click();
        org.openqa.selenium.Alert warning = waiting().until(ExpectedConditions.alertIsPresent());
        assertTrue(warning.getText().contains("„anhang.txt“ ist in Quarantäne: Schadsoftware gefunden")
                && warning.getText().contains("protokolliert"), warning::getText);
        warning.dismiss();
        assertEquals(0, released(id, since), "nothing released when the administrator cancels");

        visible(By.cssSelector("#versions .download-withheld")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(d -> released(id, since) == 1);
    }

    @Test
    void aClerkCreatesATokenForAProgramSeesItListedAndRevokesIt() {
        loginAsClerk();
        open("#/tokens");
        visible(By.id("token-label")).sendKeys("Scanstelle Raum 104");
        driver().findElement(By.id("token-create")).click();
        String token = visible(By.id("new-token")).getAttribute("value");
        assertTrue(token.length() > 20, token);
        assertEquals(200, ApiClient.bearer(token).get("/api/users/me").status(), "the new token works");
        WebElement list = visible(By.id("token-list"));
        assertTrue(list.getText().contains("Scanstelle Raum 104"), list::getText);
        assertFalse(list.getText().contains(token), "the list names tokens, it never shows one");

        visible(By.cssSelector("#token-list .revoke-token")).click();
        org.openqa.selenium.Alert question = waiting().until(ExpectedConditions.alertIsPresent());
        assertTrue(question.getText().contains("„Scanstelle Raum 104“ widerrufen"), question::getText);
        question.accept();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-list"),
                "keine gültigen Zugangstoken"));
        assertEquals(401, ApiClient.bearer(token).get("/api/users/me").status(), "a revoked token is refused");
    }

    private int released(long documentId, String since) {
        JsonObject page = ADMIN.get("/api/admin/audit?user=admin&from=" + java.net.URLEncoder.encode(since,
                StandardCharsets.UTF_8) + "&size=100").json();
        return (int) page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("READ_CONTENT")
                        && e.getString("targetId").equals(Long.toString(documentId))
                        && e.getString("details").contains("released to an administrator on confirmation"))
                .count();
    }

    @Test
    void showsANotFoundMessageForADocumentOfAnotherDepartment() {
        loginAsClerk();
        open("#/documents/" + foreignId);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"),
                "Nicht gefunden oder keine Berechtigung."));
        assertFalse(alertText().contains("Exception"));
        assertFalse(driver().getPageSource().contains("vertrauliches"));
    }
}
