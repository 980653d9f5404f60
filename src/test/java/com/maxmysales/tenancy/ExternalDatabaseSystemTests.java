package com.maxmysales.tenancy;

import javax.sql.DataSource;

import com.maxmysales.support.PlatformTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set, as every @PlatformTest has it, the platform starts no database of its own. */
@PlatformTest
class ExternalDatabaseSystemTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Value("${spring.datasource.url}")
    String url;

    @Test
    void anExternalUrlSkipsTheEmbeddedDatabaseAndMigratesTheExternalOne() throws Exception {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo(url);
        }
        var jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select count(*) from workspaces where name = 'Demo Shop'").query(Integer.class).single())
                .as("first run made its demo workspace in the external database").isEqualTo(1);
    }
}
