package com.maxmysales.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Channels {

    private static final String COLUMNS = """
            id, workspace_id, phone_number_id, waba_id, display_phone_number, graph_base_url, graph_version,
            messages_per_second, sandbox, created_at""";

    private final JdbcClient jdbc;

    Channels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the phone-number id is already connected (to this or another workspace) */
    boolean insert(Channel channel, byte[] encryptedToken) {
        return jdbc.sql("""
                insert into channels (id, workspace_id, phone_number_id, waba_id, display_phone_number, access_token,
                                      graph_base_url, graph_version, messages_per_second, sandbox, created_at)
                values (:id, :workspace, :phoneNumberId, :wabaId, :display, :token, :baseUrl, :version, :mps,
                        :sandbox, :now)
                on conflict (phone_number_id) where disconnected_at is null do nothing
                """)
                .param("id", channel.id()).param("workspace", channel.workspaceId().value())
                .param("phoneNumberId", channel.phoneNumberId()).param("wabaId", channel.wabaId())
                .param("display", channel.displayPhoneNumber()).param("token", encryptedToken)
                .param("baseUrl", channel.graphBaseUrl()).param("version", channel.graphVersion())
                .param("mps", channel.messagesPerSecond()).param("sandbox", channel.sandbox())
                .param("now", Timestamp.from(channel.createdAt()))
                .update() == 1;
    }

    Optional<Channel> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channels where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(Channels::channel).optional();
    }

    /** Webhook routing: the one lookup that is not scoped by workspace, because it finds the workspace. */
    Optional<Channel> findByPhoneNumberId(String phoneNumberId) {
        return jdbc.sql("select " + COLUMNS + " from channels where phone_number_id = :id and disconnected_at is null")
                .param("id", phoneNumberId)
                .query(Channels::channel).optional();
    }

    List<Channel> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from channels where workspace_id = :workspace and disconnected_at is null "
                        + "order by created_at")
                .param("workspace", workspace.value())
                .query(Channels::channel).list();
    }

    List<WorkspaceId> workspacesOfWaba(String wabaId) {
        return jdbc.sql("select distinct workspace_id from channels where waba_id = :waba and disconnected_at is null")
                .param("waba", wabaId)
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    /** Meta's account-wide signals: like webhook routing, found before the workspace is known. */
    List<Channel> ofWaba(String wabaId) {
        return jdbc.sql("select " + COLUMNS + " from channels where waba_id = :waba and disconnected_at is null "
                        + "order by created_at")
                .param("waba", wabaId)
                .query(Channels::channel).list();
    }

    /** Meta changed the number's throughput (a tier or quality change, an upgrade), or an admin its pace. */
    boolean changeMessagesPerSecond(WorkspaceId workspace, UUID id, int messagesPerSecond) {
        return jdbc.sql("""
                update channels set messages_per_second = :mps
                where workspace_id = :workspace and id = :id and disconnected_at is null""")
                .param("mps", messagesPerSecond).param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /** Every connected number of every workspace, oldest first: the template sync reads each account once. */
    List<Channel> connected() {
        return jdbc.sql("select " + COLUMNS + " from channels where disconnected_at is null order by created_at")
                .query(Channels::channel).list();
    }

    /** Every workspace's sandbox numbers, for the one-off registration of those earlier versions opened. */
    List<Channel> sandboxNumbers() {
        return jdbc.sql("select " + COLUMNS + " from channels where sandbox and disconnected_at is null order by created_at")
                .query(Channels::channel).list();
    }

    /**
     * The number leaves the workspace: its token is replaced by {@code erasedToken} (nothing can be sent with it),
     * webhooks for it are no longer routed, and its id may be connected again; its conversations keep the row.
     *
     * @return false when it was not connected to this workspace
     */
    boolean disconnect(WorkspaceId workspace, UUID id, byte[] erasedToken, java.time.Instant now) {
        return jdbc.sql("""
                update channels set disconnected_at = :now, access_token = :token
                where workspace_id = :workspace and id = :id and disconnected_at is null""")
                .param("now", Timestamp.from(now)).param("token", erasedToken)
                .param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /** Remembers the first webhook Meta sent for the number: the sign that its Meta app is set up. */
    void heardFrom(UUID id, java.time.Instant now) {
        jdbc.sql("update channels set first_webhook_at = :now where id = :id and first_webhook_at is null")
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** When Meta first sent a webhook for each connected number of the workspace that has had one. */
    java.util.Map<UUID, java.time.Instant> firstWebhooks(WorkspaceId workspace) {
        var heard = new java.util.HashMap<UUID, java.time.Instant>();
        jdbc.sql("""
                select id, first_webhook_at from channels
                where workspace_id = :workspace and disconnected_at is null and first_webhook_at is not null""")
                .param("workspace", workspace.value())
                .query(rs -> {
                    heard.put(rs.getObject("id", UUID.class), rs.getTimestamp("first_webhook_at").toInstant());
                });
        return heard;
    }

    boolean replaceToken(WorkspaceId workspace, UUID id, byte[] encryptedToken) {
        return jdbc.sql("update channels set access_token = :token where workspace_id = :workspace and id = :id")
                .param("token", encryptedToken).param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    byte[] encryptedToken(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select access_token from channels where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query(byte[].class).single();
    }

    private static Channel channel(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("phone_number_id"), rs.getString("waba_id"), rs.getString("display_phone_number"),
                rs.getString("graph_base_url"), rs.getString("graph_version"), rs.getInt("messages_per_second"),
                rs.getBoolean("sandbox"), rs.getTimestamp("created_at").toInstant());
    }
}
