package com.maxmysales.compliance;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What was disclosed, so that a data-key rotation reaches it. */
@Configuration(proxyBeanMethods = false)
class DisclosureEncryptedColumns {

    @Bean
    EncryptedColumns disclosureColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "disclosures", "data_given");
    }
}
