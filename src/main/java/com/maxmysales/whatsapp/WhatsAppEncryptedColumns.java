package com.maxmysales.whatsapp;

import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Access tokens and raw webhook bodies, so that a data-key rotation reaches them. */
@Configuration(proxyBeanMethods = false)
class WhatsAppEncryptedColumns {

    @Bean
    EncryptedColumns channelColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "channels", "access_token");
    }

    /** Raw bodies belong to no workspace yet: they are under the platform-wide key scope, the nil UUID. */
    @Bean
    EncryptedColumns webhookEventColumns(JdbcClient jdbc) {
        return new EncryptedTable(jdbc, "webhook_events", Map.of("id", "bigint"), "webhook_events t",
                "cast('00000000-0000-0000-0000-000000000000' as uuid)", List.of("body"));
    }
}
