package com.maxmysales.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code number_standing} rows: one per number Meta told us something about. */
@Repository
class NumberStandings {

    private static final String COLUMNS = """
            channel_id, quality_event, quality_flagged, messaging_limit_tier, daily_recipient_limit, quality_updated_at,
            verified_name, name_status, name_rejection_reason, name_updated_at, account_event, account_detail,
            account_updated_at, hold_scope, hold_cause, hold_reason, held_since, held_until""";

    private final JdbcClient jdbc;

    NumberStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number's row, locked until the transaction ends (made first if Meta never spoke of it). */
    NumberStanding lock(Channel channel) {
        jdbc.sql("""
                insert into number_standing (channel_id, workspace_id) values (:channel, :workspace)
                on conflict (channel_id) do nothing
                """)
                .param("channel", channel.id()).param("workspace", channel.workspaceId().value())
                .update();
        return jdbc.sql("select " + COLUMNS + " from number_standing where channel_id = :channel and workspace_id = :workspace for update")
                .param("channel", channel.id()).param("workspace", channel.workspaceId().value())
                .query(NumberStandings::standing).single();
    }

    NumberStanding find(WorkspaceId workspace, UUID channel) {
        return jdbc.sql("select " + COLUMNS + " from number_standing where channel_id = :channel and workspace_id = :workspace")
                .param("channel", channel).param("workspace", workspace.value())
                .query(NumberStandings::standing).optional().orElse(NumberStanding.UNKNOWN);
    }

    Map<UUID, NumberStanding> all(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from number_standing where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> Map.entry(rs.getObject("channel_id", UUID.class), standing(rs, n))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void save(Channel channel, NumberStanding standing) {
        var hold = standing.hold();
        jdbc.sql("""
                update number_standing set quality_event = :qualityEvent, quality_flagged = :flagged,
                    messaging_limit_tier = :tier, daily_recipient_limit = :limit, quality_updated_at = :qualityAt,
                    verified_name = :name, name_status = :nameStatus, name_rejection_reason = :nameRejection,
                    name_updated_at = :nameAt, account_event = :accountEvent, account_detail = :accountDetail,
                    account_updated_at = :accountAt, hold_scope = :scope, hold_cause = :cause, hold_reason = :reason,
                    held_since = :since, held_until = :until
                where channel_id = :channel and workspace_id = :workspace
                """)
                .param("qualityEvent", standing.qualityEvent()).param("flagged", standing.qualityFlagged())
                .param("tier", standing.messagingLimitTier()).param("limit", standing.dailyRecipientLimit())
                .param("qualityAt", timestamp(standing.qualityUpdatedAt()))
                .param("name", standing.verifiedName()).param("nameStatus", standing.nameStatus())
                .param("nameRejection", standing.nameRejectionReason()).param("nameAt", timestamp(standing.nameUpdatedAt()))
                .param("accountEvent", standing.accountEvent()).param("accountDetail", standing.accountDetail())
                .param("accountAt", timestamp(standing.accountUpdatedAt()))
                .param("scope", hold == null ? null : hold.scope().name().toLowerCase(Locale.ROOT))
                .param("cause", hold == null ? null : hold.cause().name().toLowerCase(Locale.ROOT))
                .param("reason", hold == null ? null : hold.reason())
                .param("since", hold == null ? null : timestamp(hold.since()))
                .param("until", hold == null ? null : timestamp(hold.until()))
                .param("channel", channel.id()).param("workspace", channel.workspaceId().value())
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static NumberStanding standing(ResultSet rs, int row) throws SQLException {
        var scope = rs.getString("hold_scope");
        var hold = scope == null ? null : new SendingHold(SendingHold.Scope.valueOf(scope.toUpperCase(Locale.ROOT)),
                SendingHold.Cause.valueOf(rs.getString("hold_cause").toUpperCase(Locale.ROOT)), rs.getString("hold_reason"),
                instant(rs, "held_since"), instant(rs, "held_until"));
        return new NumberStanding(rs.getString("quality_event"), rs.getBoolean("quality_flagged"),
                rs.getString("messaging_limit_tier"), rs.getObject("daily_recipient_limit", Integer.class),
                instant(rs, "quality_updated_at"), rs.getString("verified_name"), rs.getString("name_status"),
                rs.getString("name_rejection_reason"), instant(rs, "name_updated_at"), rs.getString("account_event"),
                rs.getString("account_detail"), instant(rs, "account_updated_at"), hold);
    }
}
