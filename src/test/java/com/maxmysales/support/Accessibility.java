package com.maxmysales.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (Deque's accessibility rules, the axe.min.js of com.deque.html.axe-core:selenium) in the page the
 * browser shows, and answers the violations of impact serious or critical: a missing label, too little contrast,
 * a button without a name...
 */
public final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    /** Each violation as "rule-id (impact): help — the first offending elements". */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Browser browser) {
        var driver = (JavascriptExecutor) browser.driver();
        driver.executeScript(AXE);
        var result = (List<Map<String, Object>>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return {id: v.id, impact: v.impact, help: v.help,
                              nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};
                    }));
                }).catch(function (e) { done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]); });""");
        return result.stream()
                .map(violation -> violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
                        + " — " + violation.get("nodes"))
                .toList();
    }

    private static String load() {
        try (var in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
