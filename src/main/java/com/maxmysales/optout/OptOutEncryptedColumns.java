package com.maxmysales.optout;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who wrote to the "Unsubscribe" mailbox and what they wrote, so that a data-key rotation reaches it. */
@Configuration(proxyBeanMethods = false)
class OptOutEncryptedColumns {

    @Bean
    EncryptedColumns emailOptOutColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "email_optout_requests", "sender", "excerpt");
    }
}
