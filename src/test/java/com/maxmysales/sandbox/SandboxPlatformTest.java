package com.maxmysales.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.maxmysales.support.PlatformTest;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The platform with its sandbox sending webhooks to a receiver in the test instead of the platform's own:
 * every sandbox test uses exactly this, so they all share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformTest
@Import(SandboxGraphSystemTests.PlatformWebhooks.class)
@TestPropertySource(properties = {
        "maxmysales.sandbox.webhook-url=http://127.0.0.1:${local.server.port}" + SandboxGraphSystemTests.PlatformWebhooks.PATH,
        "maxmysales.sandbox.leads-webhook-url=http://127.0.0.1:${local.server.port}" + SandboxGraphSystemTests.PlatformWebhooks.PAGE_PATH,
        "maxmysales.whatsapp.app-secret=" + SandboxPlatformTest.APP_SECRET,
        "maxmysales.sandbox.read-probability=1",
        "maxmysales.sandbox.template-approval-delay=300ms",
        "maxmysales.sandbox.webhooks.retry-delay=100ms"
})
@interface SandboxPlatformTest {

    /** Not the development default, so a signature made with that one fails. */
    String APP_SECRET = "test-app-secret-5b1d0c";
}
