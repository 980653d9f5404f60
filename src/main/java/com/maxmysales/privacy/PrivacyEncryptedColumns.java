package com.maxmysales.privacy;

import com.maxmysales.privacy.crypto.ReEncryptionJob;
import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The privacy module's own ciphertext, for the {@link ReEncryptionJob}: what people asked and why records are held. */
@Configuration(proxyBeanMethods = false)
class PrivacyEncryptedColumns {

    @Bean
    EncryptedColumns privacyRequestColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "privacy_requests", "phone", "email", "details", "refusal_detail", "resolution");
    }

    @Bean
    EncryptedColumns legalHoldColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "legal_holds", "reason");
    }
}
