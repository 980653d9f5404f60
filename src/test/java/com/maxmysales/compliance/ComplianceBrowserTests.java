package com.maxmysales.compliance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What an owner sees of the compliance report and the breach register, on a laptop and on a 390 px phone. */
@PlatformTest
class ComplianceBrowserTests {

    /** Into the documentation when asked for ({@code -Ddocs.screenshots=true}), else beside the other test output. */
    private static final Path SCREENSHOTS = Boolean.getBoolean("docs.screenshots") ? Path.of("docs", "screenshots")
            : Path.of("target", "screenshots");

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void anOwnerReadsTheReportDownloadsItsPdfAndOpensABreachOnAPhone() throws Exception {
        var email = "dpo-" + System.nanoTime() + "@shop.example";
        var workspaceName = "Chai Corner " + System.nanoTime() % 10_000;
        var created = (SignUp.Result.Created) signUp.register(
                new SignUp.Form(workspaceName, "Farah", email, "a long enough password", true, true));
        var http = new Http(port);
        var apiKey = apiKeys.create(created.workspace(), "compliance", created.owner()).key().reveal();
        assertThat(http.post("/api/v1/contacts", apiKey, "{\"phone\": \"+919845012345\"}").status()).isEqualTo(201);
        // A second on: the window closes after the contacts were made, whatever the clock's resolution.
        var now = Instant.now().plusSeconds(1);
        var breach = http.post("/api/v1/privacy/breaches", apiKey, """
                {"detectedAt": "%s", "description": "A shared folder with an export was public.", "exposedFrom": "%s",
                 "exposedTo": "%s", "dataCategories": ["contacts"]}"""
                .formatted(now.minus(Duration.ofMinutes(5)), now.minus(Duration.ofDays(1)), now));
        assertThat(breach.status()).as(breach.body()).isEqualTo(201);
        assertThat(http.post("/api/v1/privacy/disclosures", apiKey, """
                {"recipient": "District court", "legalBasis": "Court order", "dataGiven": "One contact's messages"}""")
                .status()).isEqualTo(201);

        var browser = session.open(port);
        browser.signIn(email, "a long enough password");
        browser.find("#workspace-name");
        browser.click("#nav-compliance");
        assertThat(browser.find("#report").getText()).contains("1. Data inventory", "2. Retention and purges",
                "6. Breaches", "7. Processors and transfers", "8. Disclosures to authorities", "11. Audit chain",
                "District court");
        assertThat(browser.find("#inventory-table").getText()).contains("contacts");
        assertThat(browser.find("#audit-result").getText()).startsWith("Intact");
        browser.screenshotTo(SCREENSHOTS.resolve("compliance-1280.png"));

        var href = browser.find("#report-pdf").getAttribute("href");
        var cookie = browser.driver().manage().getCookieNamed("MMS_SESSION");
        var pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "MMS_SESSION=" + cookie.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).as("a cover, the contents, the sections").isGreaterThan(1);
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains(workspaceName, "Contents", "Data inventory", "Consent", "Opt-outs",
                    "Data-principal requests", "Breaches", "Disclosures to authorities", "Children", "Audit chain",
                    "Page 2 of " + document.getNumberOfPages());
            // The first page and the contents, for the documentation.
            Files.createDirectories(SCREENSHOTS);
            for (var page = 0; page < 2; page++) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 60), "png",
                        SCREENSHOTS.resolve("compliance-pdf-page-" + (page + 1) + ".png").toFile());
            }
        }

        browser.width(390);
        browser.open("/app/compliance");
        browser.find("#report");
        assertThat(browser.horizontalOverflow()).as("the report at 390 px").isLessThanOrEqualTo(0);
        browser.open("/app/settings");
        browser.click("a[href='/app/settings/breaches']");
        assertThat(browser.find("#breaches").getText()).contains("1");
        assertThat(browser.horizontalOverflow()).as("the register at 390 px").isLessThanOrEqualTo(0);
        browser.click("#breaches a");
        assertThat(browser.find("#affected-count").getText()).startsWith("1");
        assertThat(browser.find("#draft-report").getText()).contains("Data Protection Board", "Nature", "Extent",
                "Timing", "Likely impact", "Measures taken", "Contact");
        assertThat(browser.find("#person-notice").getText()).contains("security incident", workspaceName);
        assertThat(browser.horizontalOverflow()).as("a breach at 390 px").isLessThanOrEqualTo(0);
        browser.click("#mark-filed");
        assertThat(browser.find("#report-filed").getText()).isNotEqualTo("not yet");
        browser.screenshotTo(SCREENSHOTS.resolve("breach-390.png"));
    }
}
