package com.maxmysales.messaging;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Message content, so that a data-key rotation reaches it. Media files are encrypted on disk, not in a column
 * (field {@code media.file}), and are not re-encrypted: they live no longer than their content retention.
 */
@Configuration(proxyBeanMethods = false)
class MessageEncryptedColumns {

    @Bean
    EncryptedColumns messageColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "messages", "text", "payload", "referral");
    }

    /** What edited messages said before (the same fields as the message's own). */
    @Bean
    EncryptedColumns messageEditColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "message_edits", "text", "payload");
    }
}
