package com.maxmysales.campaigns;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.messaging.MessageStatusChanged;
import com.maxmysales.shared.WorkspaceId;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A status of a message no campaign sent reaches no campaign table (issue 17: every status batch of an API
 * broadcast cost a recipients update that matched nothing); a campaign's message still does. The database here
 * only counts who asks for it.
 */
class CampaignStatusFollowingTests {

    private final AtomicInteger asked = new AtomicInteger();
    private final RecipientRows rows = new RecipientRows(JdbcClient.create(new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            throw new SQLException("no database in this test");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }));
    private final CampaignEvents events = new CampaignEvents(rows, new CampaignFunnel(rows, event -> { }), null, null, null,
            null, null, Clock.systemUTC());

    @Test
    void aStatusOfAMessageOfNoCampaignTouchesNoCampaignRow() {
        for (var status : MessageStatus.values()) {
            events.on(changed(status, false));
        }

        assertThat(asked).hasValue(0);
    }

    @Test
    void aStatusOfACampaignsMessageIsFollowed() {
        assertThatThrownBy(() -> events.on(changed(MessageStatus.DELIVERED, true))).isInstanceOf(DataAccessException.class);

        assertThat(asked).hasValue(1);
    }

    private static MessageStatusChanged changed(MessageStatus status, boolean ofCampaign) {
        return new MessageStatusChanged(WorkspaceId.random(), UUID.randomUUID(), status,
                status == MessageStatus.FAILED ? 131026 : null, UUID.randomUUID(), UUID.randomUUID(), MessageStatus.SENDING,
                ofCampaign);
    }
}
