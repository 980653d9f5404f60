package com.maxmysales.leads;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lead answers and Meta Page tokens, so that a data-key rotation reaches them. */
@Configuration(proxyBeanMethods = false)
class LeadsEncryptedColumns {

    @Bean
    EncryptedColumns leadColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "leads", "answers");
    }

    @Bean
    EncryptedColumns leadSourceColumns(JdbcClient jdbc) {
        return EncryptedTable.byId(jdbc, "lead_sources", "page_access_token");
    }
}
