package com.maxmysales.campaigns;

import java.util.UUID;

import com.maxmysales.support.Browser;
import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "done when" in Chromium: an owner writes a campaign to a 5,000-contact segment with a few opted-out and
 * unconsented contacts, sees who gets it and who does not and why, launches it, watches the progress bar move,
 * pauses and resumes it, and sees the funnel equal the recipients' own statuses. The pages fit a 390 px phone.
 * (The template is written through the API here: the builder has its own browser test.)
 */
@PlatformTest
class CampaignPagesBrowserTests {

    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void anOwnerSendsACampaignToAFiveThousandContactSegmentPausesResumesAndSeesTheFunnel() {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@campaigns-browser.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Campaign Browser Shop", "Priya", email,
                PASSWORD, true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var http = new Http(port);
        var shop = CampaignFixture.forKey(http, apiKeys.create(owner, "campaign test key", Role.OWNER).key().reveal(), 100);
        shop.contacts("vip5k", "+9191", 0, 5000, true, "");
        shop.contacts("vip5k", "+9191", 5000, 5, true, "").forEach(shop::optOut);
        shop.contacts("vip5k", "+9191", 5005, 5, false, "");
        var segment = http.post("/api/v1/segments", shop.apiKey(), "{\"name\": \"VIP 5k\", \"filter\": {\"tagsAll\": [\"vip5k\"]}}");
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);

        var browser = session.open(port);
        browser.signIn(email, PASSWORD);
        browser.waitUntil(driver -> browser.path().startsWith("/app"));
        browser.open("/app/campaigns").click("#new-campaign");
        assertThat(browser.path()).isEqualTo("/app/campaigns/new");
        assertThat(browser.find("#template-body").getText()).contains("Hello {{1}}");
        browser.type("#name", "Five thousand VIPs");
        new Select(browser.find("#audience")).selectByValue("segment:" + segment.json().get("id").asString());
        new Select(browser.find("#source_1")).selectByValue("name");
        browser.type("#text_1", "there");
        new Select(browser.find("#source_2")).selectByValue("value");
        browser.type("#text_2", "20%");
        fitsAPhone(browser, "campaign-new-phone");
        browser.click("#create-campaign");
        browser.waitUntil(driver -> browser.path().matches("/app/campaigns/[0-9a-f-]{36}"));
        var campaign = browser.path().substring("/app/campaigns/".length());

        assertThat(browser.find("#preview-recipients").getText()).isEqualTo("5000");
        assertThat(browser.find("#preview-opted-out").getText()).contains("opted out", "5");
        assertThat(browser.find("#preview-no-consent").getText()).contains("no marketing consent", "5");
        assertThat(browser.find("#preview-sample").getText()).contains("Customer", "= 20%");
        browser.screenshot("campaign-draft-desktop");

        assertThat(browser.has("#recipients")).as("a draft lists no recipients yet").isFalse();
        browser.click("#launch");
        // Launch asks first, and its button looks nothing like cancel's.
        assertThat(browser.find("#confirm-question").getText()).contains("5000 people");
        assertThat(browser.find("#cancel").getCssValue("background-color"))
                .isNotEqualTo(browser.find("#confirm-launch").getCssValue("background-color"));
        browser.click("#confirm-launch");
        // The snapshot of 5,010 contacts comes first: on a busy machine it takes longer than a page wait.
        await(java.time.Duration.ofSeconds(120), () -> shop.counts(campaign).get("sent").asLong() > 0);
        browser.open("/app/campaigns/" + campaign);
        assertThat(browser.find("#excluded-opted-out").getText()).contains("5");
        assertThat(browser.find("#excluded-no-consent").getText()).contains("5");
        var doneAtLoad = Long.parseLong(browser.find("#progress-done").getText());
        browser.waitUntil(driver -> Long.parseLong(browser.find("#progress-done").getText()) > doneAtLoad);
        // Recipients by name and a masked phone; the rows and the chart refresh while it runs, without a reload.
        var firstRow = browser.find("#recipients tbody tr").getText();
        assertThat(firstRow).contains("Customer ", "•").doesNotContain("+919100000");
        browser.waitUntil(driver -> browser.has("#sends-chart[data-drawn] svg"));
        // The rows are rendered again from the server while it runs (the live part is swapped in), not only at load.
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(browser.find("#recipients")));
        assertThat(browser.find("#recipients tbody tr").getText()).contains("Customer ", "•");
        browser.screenshot("campaign-running-desktop");
        fitsAPhone(browser, "campaign-running-phone");
        browser.click("#pause");
        browser.waitUntil(driver -> "paused".equals(browser.find("#campaign-status").getText()));
        var doneWhenPaused = Long.parseLong(browser.find("#progress-done").getText());
        assertThat(doneWhenPaused).isLessThan(5000);
        browser.click("#resume");
        browser.waitUntil(driver -> "running".equals(browser.find("#campaign-status").getText())
                || "completed".equals(browser.find("#campaign-status").getText()));
        // 5,000 sends at the number's 100 a second take a minute on a quiet machine; several on a loaded one.
        await(java.time.Duration.ofSeconds(420), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        await(java.time.Duration.ofSeconds(180), () -> shop.counts(campaign).get("read").asLong() == 5000);

        browser.open("/app/campaigns/" + campaign);
        var recipients = shop.recipients(campaign);
        assertThat(recipients).hasSize(5010);
        for (var step : new String[] {"sent", "delivered", "read"}) {
            var perRecipient = recipients.stream().filter(r -> r.path(step + "At").isString()).count();
            assertThat(browser.find("#funnel-" + step + " .count").getText()).as(step).isEqualTo(Long.toString(perRecipient));
        }
        assertThat(browser.find("#funnel-targeted .count").getText()).isEqualTo("5000");
        assertThat(browser.find("#campaign-status").getText()).isEqualTo("completed");
        assertThat(browser.has("#pause") || browser.has("#cancel") || browser.has("#resume"))
                .as("nothing to pause or cancel after completion").isFalse();
        assertThat(browser.has("#sends-chart[data-drawn] svg")).isTrue();
        browser.screenshot("campaign-completed-desktop");
        fitsAPhone(browser, "campaign-completed-phone");
        browser.open("/app/campaigns");
        assertThat(browser.find("#campaign-" + campaign).getText()).contains("Five thousand VIPs", "completed", "100%");
        fitsAPhone(browser, "campaigns-list-phone");
    }

    /**
     * The audience as a CSV uploaded for the campaign: imported through the contacts import with the consent basis
     * given, its progress followed live on the campaign's page (a bar with counts, polled until it is done, the page
     * never reloaded by the test), a bad row reported, launched once imported (after the confirmation), sent to the file's people only,
     * with the sends-over-time chart; the quiet hours and frequency cap changed on the campaigns page.
     */
    @Test
    void anOwnerSendsACampaignToACsvUploadedForItAndChangesTheRulesOnThePage() throws Exception {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@campaigns-csv.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Campaign CSV Shop", "Ravi", email,
                PASSWORD, true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var shop = CampaignFixture.forKey(new Http(port), apiKeys.create(owner, "csv test key", Role.OWNER).key().reveal(), 100);
        shop.contacts("elsewhere", "+9192", 0, 3, true, "");
        var csv = new StringBuilder("name,phone,city\n");
        for (int i = 0; i < 30; i++) {
            csv.append("Buyer ").append(i).append(",+9193").append("%08d".formatted(i)).append(",Pune\n");
        }
        csv.append("Nobody,not a phone,Pune\n");
        var file = java.nio.file.Files.createTempFile("campaign-audience", ".csv");
        java.nio.file.Files.writeString(file, csv);

        var browser = session.open(port);
        browser.signIn(email, PASSWORD);
        browser.waitUntil(driver -> browser.path().startsWith("/app"));
        browser.open("/app/campaigns");
        browser.type("#frequencyCap", "3");
        browser.click("#save-rules");
        browser.waitUntil(driver -> browser.has("#rules-saved"));
        assertThat(shop.http().get("/api/v1/campaigns/settings", shop.apiKey()).json().get("frequencyCap").asInt()).isEqualTo(3);
        fitsAPhone(browser, "campaign-rules-phone");

        browser.open("/app/campaigns/new");
        browser.type("#name", "From a file");
        assertThat(browser.find("#audience-file").isDisplayed()).as("a file is asked for only for a CSV audience").isFalse();
        browser.click("#create-campaign");
        assertThat(browser.find("#campaign-error").getText()).as("in the form's words, not the API's")
                .startsWith("Type the tag of the contacts who should get it");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("From a file");
        new Select(browser.find("#audience")).selectByValue("csv");
        assertThat(browser.find("#tag").isDisplayed()).isFalse();
        browser.find("#audience-file").sendKeys(file.toAbsolutePath().toString());
        browser.type("#consent-basis", "shop counter sign-up sheet, 2026");
        new Select(browser.find("#source_1")).selectByValue("name");
        browser.type("#text_1", "there");
        new Select(browser.find("#source_2")).selectByValue("value");
        browser.type("#text_2", "15%");
        String campaign;
        // The import is held mid-way (its worker waits to tag the rows) so that the page meets it running.
        try (var held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (var lock = held.createStatement()) {
                lock.execute("lock table contact_tags in exclusive mode");
            }
            browser.click("#create-campaign");
            browser.waitUntil(driver -> browser.path().matches("/app/campaigns/[0-9a-f-]{36}"));
            campaign = browser.path().substring("/app/campaigns/".length());
            assertThat(browser.find("#audience-import").getAttribute("data-status")).isIn("queued", "running");
            assertThat(browser.find("#import-bar").getAttribute("max")).isEqualTo("31");
            assertThat(browser.find("#import-total").getText()).isEqualTo("31");
            assertThat(browser.has("#launch")).as("launch is offered, and refused until the import is done").isTrue();
            fitsAPhone(browser, "campaign-csv-importing-phone");
            held.rollback();
        }
        // Not reloaded by the test: the page follows the import by itself, and shows the audience once it is done.
        await(java.time.Duration.ofSeconds(120), () -> browser.has("#audience-import[data-status=completed]"));
        assertThat(browser.has("#import-bar")).isFalse();
        assertThat(browser.find("#import-created").getText()).isEqualTo("30");
        assertThat(browser.find("#import-refused").getText()).isEqualTo("1");
        assertThat(browser.has("#import-report")).isTrue();
        assertThat(browser.find("#preview-recipients").getText()).isEqualTo("30");

        browser.click("#launch");
        browser.click("#confirm-launch");
        await(java.time.Duration.ofSeconds(120), () -> "completed".equals(shop.get(campaign).get("status").asString()));
        await(java.time.Duration.ofSeconds(60), () -> shop.counts(campaign).get("read").asLong() == 30);
        browser.open("/app/campaigns/" + campaign);
        assertThat(browser.find("#funnel-sent .count").getText()).isEqualTo("30");
        assertThat(browser.find("#recipients").getText()).contains("Buyer ").doesNotContain("Customer ");
        browser.waitUntil(driver -> browser.has("#sends-chart[data-drawn] svg"));
        browser.screenshot("campaign-csv-completed-desktop");
        fitsAPhone(browser, "campaign-csv-completed-phone");
    }

    /**
     * At a phone's 390 CSS px the campaigns list and a campaign's page with its recipients, funnel and sends' figures
     * scroll only down: neither the page nor anything inside it scrolls sideways. Before, the list, the funnel and
     * the figures were tables scrolling sideways inside their cards (and the window, not the page, was 390 px wide).
     */
    @Test
    void theListAndACampaignsPageWithItsRecipientsFitA390PxPhoneWithoutScrollingSideways() {
        var email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@campaigns-phone.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Campaign Phone Shop", "Meera", email,
                PASSWORD, true, true));
        var owner = new BusinessUserPrincipal(created.owner(), created.workspace(), Role.OWNER, null);
        var shop = CampaignFixture.forKey(new Http(port), apiKeys.create(owner, "phone key", Role.OWNER).key().reveal(), 100);
        shop.contacts("phone390", "+9194", 0, 12, true, "");
        shop.contacts("phone390", "+9194", 12, 2, false, "");
        var campaign = shop.campaign("phone390");
        shop.post(campaign, "launch");
        await(java.time.Duration.ofSeconds(60), () -> "completed".equals(shop.get(campaign).get("status").asString()));

        var browser = session.open(port);
        browser.signIn(email, PASSWORD);
        browser.waitUntil(driver -> browser.path().startsWith("/app"));
        browser.width(390);
        browser.open("/app/campaigns");
        assertThat(browser.find("#campaign-" + campaign).getText()).contains("Weekend sale", "completed", "100%");
        scrollsOnlyDown(browser, "campaigns-list-390");
        browser.open("/app/campaigns/" + campaign);
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#recipients tbody tr"))).hasSize(14);
        browser.click("#sends-over-time summary");
        assertThat(browser.find("#sends-table").isDisplayed()).isTrue();
        scrollsOnlyDown(browser, "campaign-recipients-390");
    }

    private static final String SIDEWAYS_SCROLLERS = """
            return Array.from(document.querySelectorAll('main *')).filter(function (e) {
                var overflow = getComputedStyle(e).overflowX;
                return (overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1;
            }).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className; });""";

    private static void scrollsOnlyDown(Browser browser, String screenshot) {
        browser.screenshot(screenshot);
        assertThat(browser.horizontalOverflow()).as("the page's scrollWidth beyond innerWidth at 390 px").isLessThanOrEqualTo(0);
        assertThat((java.util.List<?>) ((JavascriptExecutor) browser.driver()).executeScript(SIDEWAYS_SCROLLERS))
                .as("what scrolls sideways inside the page").isEmpty();
    }

    /** At 390 px the page scrolls only down: tables scroll inside their card. */
    private static void fitsAPhone(Browser browser, String screenshot) {
        var window = browser.driver().manage().window();
        var desktop = window.getSize();
        window.setSize(new Dimension(390, 844));
        try {
            var widths = (java.util.List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertThat(((Number) widths.get(0)).longValue()).as("page width at 390 px")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
            browser.screenshot(screenshot);
        } finally {
            window.setSize(desktop);
        }
    }
}
