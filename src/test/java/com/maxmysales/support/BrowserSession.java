package com.maxmysales.support;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Owns a test's browser: saves a screenshot of what it showed when the test failed, then closes it.
 * (A TestWatcher hears the outcome after @AfterEach, so the browser must stay open until then.)
 */
public final class BrowserSession implements TestWatcher {

    private Browser browser;

    public Browser open(int port) {
        browser = new Browser(port);
        return browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser != null) {
            browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName());
        }
        close();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        close();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        close();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        close();
    }

    private void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
