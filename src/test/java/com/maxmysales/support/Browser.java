package com.maxmysales.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium. It resolves no host but localhost, so analytics scripts
 * a page asks for are never fetched from the internet; their tags are what the tests look at.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final String baseUrl;

    public Browser(int port) {
        requireChromium();
        // Short: Chromium puts a Unix socket under TMPDIR, and socket paths end at 107 bytes (deep checkouts fail).
        var home = Path.of("target", "browser", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + home.resolve("profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString(), "TMPDIR", home.toString(),
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toString()))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * In CI ({@code CI=true}, which .ci/run sets) a missing Chromium fails the test, so browser-proven claims can
     * never pass unproven; on a developer's machine the test is skipped with a warning.
     */
    private static void requireChromium() {
        if (new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute()) {
            return;
        }
        var missing = "Debian chromium and chromium-driver are needed (" + CHROMIUM + ", " + DRIVER
                + "); .ci/run installs them";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        System.err.println("WARNING: browser test skipped. " + missing);
        Assumptions.abort(missing);
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in on the login page as a business user does, after answering the cookie banner. */
    public Browser signIn(String email, String password) {
        open("/login").click("#cookies-essential");
        waitUntil(driver -> !has("#cookie-banner"));
        return type("#username", email).type("#password", password).click("#sign-in");
    }

    public WebElement find(String css) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public Browser type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Clicks, then waits for what the click does: a new page (a link, a form post) until it has replaced the old
     * one, an htmx request until its answer is swapped in, and nothing for a checkbox or a plain button. So the
     * next look never reads the page being left, and no click waits for a navigation that will not come.
     */
    public Browser click(String css) {
        var page = driver.findElement(By.tagName("html"));
        var element = waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        var effect = (String) script("""
                var el = arguments[0];
                var hx = el.closest('[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete]');
                if (hx) {
                  window.__clickSettled = false;
                  var done = function (e) {
                    if (e.detail.elt === hx || (e.detail.requestConfig && e.detail.requestConfig.elt === hx)) {
                      window.__clickSettled = true;
                    }
                  };
                  document.addEventListener('htmx:afterSettle', done);
                  document.addEventListener('htmx:afterRequest', function (e) { if (e.detail.failed) done(e); });
                  return 'htmx';
                }
                var local = el.matches('input[type=checkbox], input[type=radio], select, option, label')
                    || (el.tagName === 'BUTTON' && el.type === 'button');
                return local ? 'none' : 'navigation';""", element);
        element.click();
        switch (effect) {
            case "htmx" -> waitUntil(ignored -> replaced(page) || Boolean.TRUE.equals(script("return window.__clickSettled")));
            case "navigation" -> {
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ignored -> replaced(page));
                } catch (org.openqa.selenium.TimeoutException stayed) {
                    // A submit the browser refused (a required field left empty): the test's next look says so.
                }
            }
            default -> {
            }
        }
        return this;
    }

    private Object script(String code, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /**
     * Whether a page's element is gone. Chrome reports a node of a page being replaced either as stale or, when
     * asked mid-navigation, as an inspector error that "does not belong to the document": both mean gone.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits for a condition; an element a live update replaced while it was read is read again on the next try. */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    public void screenshot(String name) {
        try {
            var dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The phone simulator's tick state of a message, read in one script since the chat is replaced when it changes. */
    public String tickOf(String wamid) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var bubble = document.querySelector('[data-wamid=\"' + arguments[0] + '\"] .ticks');"
                        + "return bubble && bubble.dataset.tick;", wamid);
    }

    /** Sets the browser's viewport to this width (390: a phone; 1280: a laptop), keeping a tall window. */
    public Browser width(int width) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        var inner = ((Number) script("return window.innerWidth")).intValue();
        if (inner != width) {
            // The window has borders in some builds: size it so that the page itself gets the width asked for.
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(2 * width - inner, 900));
        }
        return this;
    }

    /** How far the page is wider than the viewport, in CSS pixels: 0 when nothing scrolls sideways. */
    public int horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }

    /** Saves a screenshot into a folder of the repository (docs/screenshots), for the documentation. */
    public void screenshotTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
