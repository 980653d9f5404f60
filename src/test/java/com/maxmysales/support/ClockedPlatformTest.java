package com.maxmysales.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import com.maxmysales.privacy.audit.AncientAuditRecords;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole platform on a clock the tests move ({@link MutableClock}), for everything that happens after a while:
 * retention, idle conversations, the 24-hour window, code lifetimes, deadlines. Its time starts in 2031 and only moves
 * forward, so a test states its times relative to {@code clock.instant()}; its purges stay in a platform of its own and
 * touch nothing other test classes keep. Every class with this annotation shares the one context. It sends no
 * privacy mail (an empty {@code smtp-host}), has a personal-data holder a test can break ({@link FailingHolder}), and
 * its audit chain begins eight years before its start ({@link AncientAuditRecords}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformTest
@Import({ClockedPlatformTest.Parts.class, AncientAuditRecords.class})
@TestPropertySource(properties = "maxmysales.privacy.mail.smtp-host=")
public @interface ClockedPlatformTest {

    Instant START = Instant.parse("2031-01-15T12:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class Parts {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }

        @Bean
        FailingHolder failingHolder() {
            return new FailingHolder();
        }
    }
}
