package com.maxmysales.privacy.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import com.maxmysales.privacy.spi.RequestActors;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.support.ClockedPlatformTest;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two audit records from eight years before the clocked platform's start, written before anything else is, so that
 * they begin its chain as they would on a platform that old: the retention purge removes audit records only from the
 * start of the chain ({@code action = 'test.ancient'}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class AncientAuditRecords {

    @Bean
    SmartInitializingSingleton ancientAuditRecords(JdbcClient jdbc, RequestActors actors,
            PlatformTransactionManager transactions) {
        return () -> {
            var then = new AuditLog(jdbc, actors, transactions,
                    Clock.fixed(ClockedPlatformTest.START.minus(Duration.ofDays(8 * 365)), ZoneOffset.UTC));
            then.record(WorkspaceId.random(), "test.ancient", null, "1");
            then.record(WorkspaceId.random(), "test.ancient", null, "2");
        };
    }
}
