package com.maxmysales.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port against real PostgreSQL, with a real mail server ({@link TestMail}) and the
 * tests' own API endpoint ({@link CountingEndpoint}). Tests that use it with no other settings share one application
 * context (Spring caches it), so the suite starts the platform once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maxmysales.admin-token=" + PlatformTest.ADMIN_TOKEN,
        "maxmysales.whatsapp.app-secret=" + MetaWebhooks.APP_SECRET,
        "maxmysales.whatsapp.verify-token=" + MetaWebhooks.VERIFY_TOKEN,
        "maxmysales.web.analytics.google-analytics-id=G-TEST1234",
        "maxmysales.web.analytics.meta-pixel-id=1234567890",
        // The tests' business endpoints and stub Graph APIs run on loopback.
        "maxmysales.outbound-http.allow-private-addresses=true",
        "maxmysales.whatsapp.allowed-graph-base-urls=http://127.0.0.1:1",
        // A rotation of the app secret under way: webhooks signed with the one before still count.
        "maxmysales.whatsapp.previous-app-secrets=" + PlatformTest.PREVIOUS_APP_SECRET,
        "maxmysales.sandbox.read-probability=1",
        // Sandbox customers read within 0.7 s (1.5 s by default): tests wait for "read" often.
        "maxmysales.sandbox.read-delay=700ms",
        // Tests purge when they mean to: a scheduled purge would append to the audit chain and take the purge lock.
        "maxmysales.privacy.purge-initial-delay=PT12H",
        // As behind a TLS-terminating proxy: X-Forwarded-* from a trusted (here: loopback) peer are honoured.
        "server.forward-headers-strategy=native",
        // The contexts close as the test JVM exits: a request still open then (a hostile test client's, an answer the
        // sandbox holds) must not hold the exit up. A graceful stop is what the child-platform tests stop.
        "server.shutdown=immediate"
})
@ContextConfiguration(initializers = {TestDatabase.class, TestMail.class})
@Import(CountingEndpoint.class)
public @interface PlatformTest {

    String ADMIN_TOKEN = "test-operator-token-0123456789";
    String PREVIOUS_APP_SECRET = "test-previous-app-secret-7c2e";
}
