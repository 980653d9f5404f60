package com.maxmysales.inbox;

import com.maxmysales.support.BrowserSession;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent opens a customer's thread, answers with Enter and sees the reply's tick, sends a photo from the composer; the
 * same thread at 390 px is its own screen with a way back, and nothing spills sideways.
 */
@PlatformTest
class InboxThreadBrowserTests {

    @RegisterExtension
    final BrowserSession session = new BrowserSession();

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void anAgentRepliesWithEnterAndSeesTheTick() throws java.io.IOException {
        var shop = InboxWorkspace.create(port, signUp, team, apiKeys, "Browser Shop");
        var customer = InboxWorkspace.newCustomer();
        shop.number().customerWritesText(customer, "Asha Rao", "Do you have the green one in size L?");
        var conversation = shop.conversationOf(customer);
        var browser = session.open(port).signIn(shop.ownerEmail(), InboxWorkspace.PASSWORD);
        browser.find("#workspace-name");

        browser.open("/app/inbox/" + conversation);
        assertThat(browser.find("#thread-recent").getText()).contains("Do you have the green one in size L?");
        browser.find("#composer-text").sendKeys("Yes, one left.", Keys.chord(Keys.SHIFT, Keys.ENTER), "Shall I keep it?", Keys.ENTER);

        var tick = browser.waitUntil(driver -> {
            var ticks = driver.findElements(By.cssSelector(".bubble-out .tick"));
            return ticks.isEmpty() ? null : ticks.getFirst().getDomAttribute("data-tick");
        });
        assertThat(tick).isIn("queued", "sent", "delivered", "read");
        assertThat(browser.find(".bubble-out .bubble-text").getText()).isEqualTo("Yes, one left.\nShall I keep it?");
        assertThat(browser.find("#composer-text").getDomProperty("value")).as("a new, empty composer").isEmpty();
        browser.waitUntil(driver -> {
            driver.navigate().refresh();
            return "read".equals(driver.findElement(By.cssSelector(".bubble-out .tick")).getDomAttribute("data-tick"));
        });
        browser.screenshot("inbox-thread-desktop");

        var photo = java.nio.file.Files.createTempFile("shelf", ".jpg");
        var bytes = new byte[4096];
        new java.util.Random(5).nextBytes(bytes);
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, bytes, 0, 4);
        java.nio.file.Files.write(photo, bytes);
        browser.find(".composer-attach summary").click();
        browser.find("#attachment-file").sendKeys(photo.toAbsolutePath().toString());
        browser.type("#attachment-caption", "The green one, size L").click("#send-attachment");
        assertThat(browser.find(".bubble-out.bubble-type-image .bubble-text").getText()).isEqualTo("The green one, size L");
        assertThat(browser.has("#composer-refused")).isFalse();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/app/inbox/" + conversation);
        browser.find("#composer-text");
        var widths = (java.util.List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        assertThat(((Number) widths.get(0)).longValue()).as("no sideways scroll at 390 px")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
        assertThat(browser.find("#thread-back").isDisplayed()).isTrue();
        assertThat(browser.find("#inbox-list-pane").isDisplayed()).isFalse();
        browser.screenshot("inbox-thread-390");
    }
}
