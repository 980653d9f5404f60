package com.maxmysales.integrations;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing secrets and queued payloads of the business's own webhooks, so that a data-key rotation reaches them. */
@Configuration(proxyBeanMethods = false)
class IntegrationEncryptedColumns {

    @Bean
    EncryptedColumns subscriptionColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "webhook_subscriptions", "secret");
    }

    @Bean
    EncryptedColumns deliveryColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "webhook_deliveries", "payload");
    }
}
