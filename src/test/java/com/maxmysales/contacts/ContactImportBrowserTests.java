package com.maxmysales.contacts;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ContactImportBrowserTests {

    /** Enough rows for a few seconds of progress; the 1,000,000-row scale is bench/import.sh's. */
    static final int ROWS = 30_000;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;

    @Test
    void aBusinessImportsALargeFileWatchingTheProgressBarMoveAndGetsExactlyTheBadRowsBack() throws Exception {
        var email = "importer-" + System.nanoTime() + "@shop.example";
        signUp.register(new SignUp.Form("Big List Traders", "Kiran", email, "a long enough password", true, true));
        var expectedErrors = new ArrayList<String>();
        var file = writeCsv(expectedErrors);
        var browser = session.open(port);
        browser.open("/login").click("#cookies-essential");
        browser.waitUntil(driver -> !browser.has("#cookie-banner"));
        browser.type("#username", email).type("#password", "a long enough password").click("#sign-in");
        browser.find("#workspace-name");

        browser.click("#nav-contacts").click("#import-link");
        browser.find("#csv-file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#upload");
        assertThat(browser.find("#preview").getText()).contains("phone", "Customer 1");
        assertThat(browser.find("#map-phone option[selected]").getText()).isEqualTo("phone");
        browser.type("#notice-version", "2026-11-01").type("#import-tags", "big-list");
        browser.screenshot("import-mapping");
        browser.click("#start-import");
        var missing = expectedErrors.stream().filter(error -> error.endsWith("missing consent basis")).count();
        assertThat(browser.find("#consent-warning").getText()).as("warned before anything starts")
                .contains(missing + " of " + ROWS + " rows will be refused for consent");
        assertThat(browser.find("#missing-basis-count").getText()).isEqualTo(String.valueOf(missing));
        assertThat(browser.find("#notice-version").getDomProperty("value")).as("the form as filled in").isEqualTo("2026-11-01");
        browser.screenshot("import-consent-warning");
        var started = System.nanoTime();
        browser.click("#start-anyway");

        var progress = browser.find("#import-progress progress");
        assertThat(progress.isDisplayed()).isTrue();
        var seenRunning = new ArrayList<Integer>();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
            var box = driver.findElement(By.id("import-progress"));
            if (!"completed".equals(box.getDomAttribute("data-status"))) {
                seenRunning.add(Integer.parseInt(box.findElement(By.tagName("progress")).getDomProperty("value")));
                if (seenRunning.size() == 3) {
                    browser.screenshot("import-progress");
                }
                return false;
            }
            return true;
        });
        var seconds = (System.nanoTime() - started) / 1e9;
        browser.screenshot("import-done");

        assertThat(seenRunning).as("the bar moved forward while the import ran").isSorted()
                .allMatch(percent -> percent < 100);
        assertThat(seenRunning.stream().distinct().count()).as("distinct positions of the bar: %s", seenRunning)
                .isGreaterThanOrEqualTo(2);
        assertThat(browser.find("#import-result").getText()).contains(ROWS + " of " + ROWS,
                expectedErrors.size() + " refused");
        assertThat(browser.find("#import-next").getText()).as("the import leads somewhere")
                .contains("see your contacts", "send them a campaign");
        var href = browser.find("#error-report").getDomAttribute("href");
        var session = browser.driver().manage().getCookieNamed("MMS_SESSION").getValue();
        var report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + href))
                .header("Cookie", "MMS_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString()).body();
        var reported = report.lines().skip(1).map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1)))
                .sorted().collect(Collectors.toList());
        assertThat(reported).isEqualTo(expectedErrors.stream().sorted().toList());
        System.getLogger("import").log(System.Logger.Level.INFO, "%,d rows imported through the browser in %.1f s".formatted(ROWS, seconds));
    }

    /**
     * Issue 15 on the page: a city column is offered as an attribute, the missing consent is counted before the start,
     * and the refused rows run again with the basis filled in; the mapping page fits a 390 px phone.
     */
    @Test
    void aCityColumnIsKeptAndTheRowsRefusedForConsentRunAgainWithABasis() throws Exception {
        var email = "reimporter-" + System.nanoTime() + "@shop.example";
        signUp.register(new SignUp.Form("Second Try Traders", "Kiran", email, "a long enough password", true, true));
        var run = System.nanoTime() % 10_000_000L;
        var file = Files.createDirectories(Path.of("target", "imports")).resolve("cities-" + System.nanoTime() + ".csv");
        Files.writeString(file, "phone,name,city,consent\n"
                + "+91961%07d,Asha,Pune,website\n".formatted(run)
                + "+91962%07d,Ravi,Nashik,\n".formatted(run)
                + "+91963%07d,Meera,Goa,\n".formatted(run));
        var browser = session.open(port);
        browser.signIn(email, "a long enough password");
        browser.find("#workspace-name");

        browser.open("/app/contacts/import");
        browser.find("#csv-file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#upload");
        assertThat(browser.find("#attribute-2").getDomProperty("value")).as("city kept as an attribute").isEqualTo("city");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.click("#start-import");
        assertThat(browser.find("#missing-basis-count").getText()).isEqualTo("2");
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("no horizontal page scroll at 390 px").isLessThanOrEqualTo(0L);
        browser.screenshot("import-consent-warning-phone");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.click("#start-anyway");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> "completed".equals(driver.findElement(By.id("import-progress")).getDomAttribute("data-status")));
        assertThat(browser.find("#import-result").getText()).contains("1 created", "2 refused");

        browser.click("#rerun");
        assertThat(browser.find("h1").getText()).startsWith("refused rows of");
        assertThat(browser.find("#preview").getText()).contains("Nashik", "Goa").doesNotContain("Pune");
        assertThat(browser.find("#map-consentBasis option[selected]").getText()).as("the first run's mapping").isEqualTo("consent");
        browser.type("#default-basis", "asked in the shop").click("#start-import");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> "completed".equals(driver.findElement(By.id("import-progress")).getDomAttribute("data-status")));
        assertThat(browser.find("#import-result").getText()).contains("2 created", "0 refused");

        browser.open("/app/contacts");
        assertThat(browser.find("body").getText()).contains("Ravi", "Meera");
    }

    /** {@link #ROWS} rows, a few dozen of them bad in each way the report names. */
    private static Path writeCsv(List<String> expectedErrors) throws Exception {
        var file = Files.createDirectories(Path.of("target", "imports")).resolve("big-list-" + System.nanoTime() + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("phone,name,email,consent\n");
            String previous = null;
            for (int i = 1; i <= ROWS; i++) {
                var row = i + 1;
                var phone = "9%09d".formatted(100_000_000 + i);
                var consent = "website sign-up";
                if (i % 997 == 0) {
                    phone = "12345";
                    expectedErrors.add(row + ",invalid phone number");
                } else if (i % 1999 == 0 && previous != null) {
                    phone = previous;
                    expectedErrors.add(row + ",duplicate: same phone number as row " + (row - 1));
                } else if (i % 2503 == 0) {
                    consent = "";
                    expectedErrors.add(row + ",missing consent basis");
                }
                out.write(phone + ",Customer " + i + ",customer" + i + "@example.com," + consent + "\n");
                previous = i % 997 == 0 || i % 2503 == 0 ? null : phone;
            }
        }
        return file;
    }
}
