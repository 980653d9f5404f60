package com.maxmysales.inbox;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notes' text, so that a data-key rotation reaches it. */
@Configuration(proxyBeanMethods = false)
class NoteEncryptedColumns {

    @Bean
    EncryptedColumns noteColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "conversation_notes", "text");
    }
}
