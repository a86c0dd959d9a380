package de.akte.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records officers' screens in headless Chromium: a due case file proposed by one officer, refused to the same
 * officer's approval, approved and destroyed by a second, its certificate; retention schedules; legal holds; the
 * disposal date on the case file. The server runs on the real clock, so the files were closed years ago.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class RecordsDeskIT implements ScreenshotOnFailure.WithBrowser {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "records-desk-password";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String department = "rd" + run;
    private final String officer = "reg.a." + run;
    private final String secondOfficer = "reg.b." + run;
    private Browser browser;

    @Override
    public Browser browser() {
        return browser;
    }

    @BeforeAll
    void organisation() {
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department
                + "\",\"name\":\"Ordnungsamt\",\"referencePrefixes\":[\"RD-" + run + "/\"]}").status());
        for (String name : new String[] {officer, secondOfficer}) {
            ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\""
                    + PASSWORD + "\",\"roles\":[\"RECORDS_OFFICER\"],\"departments\":[\"" + department + "\"]}");
            assertEquals(201, a.status(), a::text);
        }
        browser = Browser.start();
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
        ((JavascriptExecutor) d).executeScript("localStorage.clear(); sessionStorage.clear();");
        d.navigate().refresh();
    }

    /** A file-plan node of its own for a test, one year after closing, then destroy; returns its id. */
    private long node(String code) {
        ApiClient rm = ApiClient.as(officer, PASSWORD);
        ApiClient.Answer node = rm.postJson("/api/file-plan/nodes", "{\"plan\":\"Aktenplan " + run
                + "\",\"code\":\"" + code + "\",\"title\":\"Gewerbe " + code + "\"}");
        assertEquals(201, node.status(), node::text);
        long id = node.json().getJsonNumber("id").longValue();
        ApiClient.Answer schedule = rm.putJson("/api/file-plan/nodes/" + id + "/retention", "{\"years\":1,"
                + "\"months\":0,\"trigger\":\"CASE_FILE_CLOSED\",\"action\":\"DESTROY\",\"legalBasis\":\"§ 7 AktO\"}");
        assertEquals(200, schedule.status(), schedule::text);
        return id;
    }

    /** A case file under the node, opened and closed (zdA) years ago with one document; returns its id. */
    private long closedCaseFile(String nodeCode, String reference) {
        ApiClient rm = ApiClient.as(officer, PASSWORD);
        ApiClient.Answer created = rm.postJson("/api/case-files", "{\"fileReference\":\"" + reference
                + "\",\"title\":\"Gaststättenerlaubnis " + reference + "\",\"department\":\"" + department
                + "\",\"filePlanNode\":\"" + nodeCode + "\",\"openedOn\":\"2014-02-03\"}");
        assertEquals(201, created.status(), created::text);
        long id = created.json().getJsonNumber("id").longValue();
        ApiClient.Answer doc = rm.upload("/api/documents", ApiClient.fields("title", "Erlaubnis " + reference,
                "caseFile", reference), "erlaubnis.txt", ("Erlaubnis zum Betrieb " + reference).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, doc.status(), doc::text);
        ApiClient.Answer closed = rm.postJson("/api/case-files/" + id + "/close", "{\"closedOn\":\"2015-06-30\"}");
        assertEquals(200, closed.status(), closed::text);
        return id;
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private WebDriverWait waiting() {
        // the sections redraw after every action: an element found a moment ago may be gone
        WebDriverWait wait = new WebDriverWait(driver(), WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void open(String hash) {
        driver().get(ApiClient.BASE + "/" + hash);
    }

    private void login(String username) {
        open("#/");
        visible(By.id("login-username")).sendKeys(username);
        driver().findElement(By.id("login-password")).sendKeys(PASSWORD);
        driver().findElement(By.id("login-submit")).click();
        visible(By.id("search-q"));
    }

    private void signOut() {
        driver().findElement(By.id("logout")).click();
        visible(By.id("login-form"));
    }

    private WebElement disposalOf(String reference) {
        return waiting().until(d -> d.findElements(By.cssSelector("#disposal-list .disposal")).stream()
                .filter(e -> e.getText().contains(reference)).findFirst().orElse(null));
    }

    @Test
    void aSecondOfficerApprovesTheDestructionTheFirstProposedAndTheCertificateRemains() {
        String reference = "RD-" + run + "/1";
        String node = "rd-" + run + "-1";
        node(node);
        long caseFile = closedCaseFile(node, reference);
        String sha = ADMIN.get("/api/case-files/" + caseFile).json().getJsonArray("documents").getJsonObject(0)
                .getJsonNumber("id").toString();
        sha = ADMIN.get("/api/documents/" + sha + "/versions").structure().asJsonArray().getJsonObject(0)
                .getString("sha256");

        login(officer);
        driver().findElement(By.id("nav-records")).click();
        visible(By.id("due-list"));
        driver().findElement(By.cssSelector("input.due-select[value='" + caseFile + "']")).click();
        driver().findElement(By.id("propose-destroy")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Vorgeschlagen"));

        open("#/records?tab=disposals");
        disposalOf(reference).findElement(By.cssSelector("button.approve")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"),
                "Dafür fehlt Ihnen die Berechtigung."));
        assertTrue(disposalOf(reference).getText().contains("vorgeschlagen"), disposalOf(reference)::getText);
        signOut();

        login(secondOfficer);
        open("#/records?tab=disposals");
        disposalOf(reference).findElement(By.cssSelector("button.approve")).click();
        waiting().until(d -> disposalOf(reference).getText().contains("zugestimmt"));
        disposalOf(reference).findElement(By.cssSelector("button.execute")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(d -> disposalOf(reference).getText().contains("vernichtet"));
        assertEquals(404, ADMIN.get("/api/case-files/" + caseFile).status());

        open("#/records?tab=certificates&reference=" + reference);
        WebElement certificate = visible(By.cssSelector("#certificate-list .certificate"));
        certificate.findElement(By.tagName("summary")).click();
        String text = certificate.getText();
        assertTrue(text.contains(reference) && text.contains("§ 7 AktO") && text.contains(officer)
                && text.contains(secondOfficer) && text.contains(sha), text);
    }

    @Test
    void theCaseFileShowsItsDisposalDateAndCanBeReopened() {
        String reference = "RD-" + run + "/2";
        String node = "rd-" + run + "-2";
        node(node);
        long caseFile = closedCaseFile(node, reference);

        login(officer);
        open("#/case-files/" + caseFile);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("disposal-date"), "30.6.2016"));
        assertTrue(driver().findElement(By.id("retention")).getText().contains("Vernichten"));
        driver().findElement(By.id("reopen-case")).click();
        assertEquals("CLOSED", ADMIN.get("/api/case-files/" + caseFile + "/retention").json().getString("status"),
                "without a reason the form is not sent");
        driver().findElement(By.id("reopen-reason")).sendKeys("Nachtrag zum Widerspruch");
        driver().findElement(By.id("reopen-case")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "offen"));
        assertTrue(driver().findElement(By.id("disposal-date")).getText().contains("beginnt mit dem Schließen"));
        assertTrue(ADMIN.get("/api/case-files/" + caseFile + "/retention").json().isNull("disposalDate"));
    }

    @Test
    void aRecordsOfficerSetsAScheduleAndPlacesAndLiftsALegalHold() {
        String reference = "RD-" + run + "/3";
        String node = "rd-" + run + "-3";
        long nodeId = node(node);
        long caseFile = closedCaseFile(node, reference);
        login(officer);

        open("#/records?tab=schedules&node=" + nodeId);
        WebElement years = visible(By.id("schedule-years"));
        years.clear();
        years.sendKeys("30");
        new Select(driver().findElement(By.id("schedule-action"))).selectByValue("TRANSFER");
        WebElement basis = driver().findElement(By.id("schedule-basis"));
        basis.clear();
        basis.sendKeys("§ 9 AktO, dauernd wichtig");
        basis.submit();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Frist gespeichert."));
        var retention = ADMIN.get("/api/case-files/" + caseFile + "/retention").json();
        assertEquals("2045-06-30", retention.getString("disposalDate"), retention::toString);
        assertEquals("TRANSFER", retention.getString("action"));

        open("#/records?tab=holds");
        visible(By.id("hold-target")).sendKeys(reference);
        driver().findElement(By.id("hold-reason")).sendKeys("Rechnungsprüfung");
        driver().findElement(By.id("hold-reference")).sendKeys("RPA 4/26");
        driver().findElement(By.id("hold-form")).submit();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Sperre gesetzt."));
        WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#hold-list tbody tr")).stream()
                .filter(r -> r.getText().contains("RPA 4/26")).findFirst().orElse(null));
        assertEquals(1, ADMIN.get("/api/case-files/" + caseFile + "/retention").json().getJsonArray("activeHolds")
                .size());
        // four eyes: this officer asks to lift the hold, the second one agrees
        row.findElement(By.cssSelector("input.lift-reason")).sendKeys("Prüfung abgeschlossen");
        row.findElement(By.cssSelector("button.lift")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Aufhebung beantragt."));
        assertEquals(1, ADMIN.get("/api/case-files/" + caseFile + "/retention").json().getJsonArray("activeHolds")
                .size(), "asking alone lifts nothing");
        WebElement pending = waiting().until(d -> d.findElements(By.cssSelector("#hold-list tbody tr")).stream()
                .filter(r -> r.getText().contains("RPA 4/26")).findFirst().orElse(null));
        assertTrue(pending.findElements(By.cssSelector("button.lift-approve")).isEmpty(),
                "the officer who asked is not offered to agree");
        long holdId = ADMIN.get("/api/legal-holds?active=true&size=200").structure().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(x -> "RPA 4/26".equals(x.getString("reference", "")))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        ApiClient.Answer lifted = ApiClient.as(secondOfficer, PASSWORD).post("/api/legal-holds/" + holdId
                + "/lift-approval");
        assertEquals(200, lifted.status(), lifted::text);
        assertTrue(ADMIN.get("/api/case-files/" + caseFile + "/retention").json().getJsonArray("activeHolds")
                .isEmpty());

        // a clerk's mistake stays a readable message
        open("#/records?tab=holds");
        visible(By.id("hold-target")).sendKeys("gibt-es-nicht/0");
        driver().findElement(By.id("hold-reason")).sendKeys("Test");
        driver().findElement(By.id("hold-form")).submit();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"),
                "Nicht gefunden oder keine Berechtigung."));
        assertFalse(driver().getPageSource().contains("Exception"));
    }
    @Test
    void aRecordsOfficerHandsADocumentOverFromTheRoutingList() throws Exception {
        String elsewhere = "rx" + run;
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + elsewhere + "\",\"name\":\"Kämmerei\"}")
                .status());
        String clerk = "clerk.rd." + run;
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"" + clerk + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + department + "\"]}").status());
        String keyword = "Hundesteuerbescheid" + run;
        ApiClient.Answer rule = ADMIN.postJson("/api/admin/classification/rules", "{\"label\":\"department\","
                + "\"value\":\"" + elsewhere + "\",\"pattern\":\"" + keyword + "\",\"kind\":\"KEYWORD\"}");
        assertEquals(201, rule.status(), rule::text);
        try {
            ApiClient asClerk = ApiClient.as(clerk, PASSWORD);
            ApiClient.Answer created = asClerk.upload("/api/documents", ApiClient.fields("title", "Steuerpost " + run,
                    "department", department), "post.pdf", RecordStoreApiIT.pdf(keyword + " fuer das Jahr 2026"));
            assertEquals(201, created.status(), created::text);
            long id = created.json().getJsonNumber("id").longValue();
            var seen = asClerk.awaitDocument(id, d -> !d.isNull("filingState"), Duration.ofSeconds(60));
            assertEquals(department, seen.getString("department"), "automation never moves it");

            login(officer);
            open("#/records?tab=routing");
            WebElement row = waiting().until(d -> d.findElements(By.cssSelector("#routing-list tbody tr")).stream()
                    .filter(r -> r.getText().contains("Steuerpost " + run)).findFirst().orElse(null));
            assertTrue(row.getText().contains(elsewhere), row.getText());
            WebElement target = row.findElement(By.cssSelector("input[id^='handover-department-']"));
            target.clear();
            target.sendKeys(elsewhere);
            row.findElement(By.cssSelector("input[id^='handover-reason-']")).sendKeys("Steuern bearbeitet die Kämmerei");
            row.findElement(By.cssSelector("button[type='submit']")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "Entschieden."));
            assertEquals(elsewhere, ADMIN.get("/api/documents/" + id).json().getString("department"));
            assertEquals(404, asClerk.get("/api/documents/" + id).status());
        } finally {
            ADMIN.delete("/api/admin/classification/rules/" + rule.json().getJsonNumber("id").longValue());
        }
    }
}
