package com.maxmysales.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.maxmysales.optout.OptOutNumbers;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, counted in SQL over the modules' tables (a read model: counts only, no personal data,
 * each query for one workspace). "Today" starts at midnight in the workspace's time zone.
 */
@Component
public class Dashboard {

    /** Meta's template statuses under which a template cannot be sent: the business must act. */
    private static final List<String> STUCK_TEMPLATES = List.of("REJECTED", "PAUSED", "DISABLED");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OptOutNumbers optOutNumbers;

    Dashboard(JdbcClient jdbc, Clock clock, OptOutNumbers optOutNumbers) {
        this.optOutNumbers = optOutNumbers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Today's numbers.
     *
     * @param optOutsByChannel as the compliance report and the analytics name the channels
     * @param deliveryRate the share (0 to 100) of today's sent messages that reached the phone, null before any left
     */
    public record Today(long openConversations, long unassigned, long messagesIn, long messagesOut,
            @Nullable Integer deliveryRate, long leads, long optOuts,
            java.util.Map<String, Long> optOutsByChannel) {

        public boolean quiet() {
            return openConversations == 0 && messagesIn == 0 && messagesOut == 0 && leads == 0 && optOuts == 0;
        }
    }

    /** What someone must act on. */
    public record Attention(long overdueEmailOptOuts, long overduePrivacyRequests, long failedSendsToday,
            List<String> stuckTemplates) {

        public boolean nothing() {
            return overdueEmailOptOuts == 0 && overduePrivacyRequests == 0 && failedSendsToday == 0
                    && stuckTemplates.isEmpty();
        }
    }

    /** The first steps of a new workspace, each done by what the data shows, never by a flag. */
    public record Onboarding(boolean numberConnected, boolean teamInvited, boolean contactsImported, boolean messageSent,
            boolean dismissed) {

        public boolean complete() {
            return numberConnected && teamInvited && contactsImported && messageSent;
        }

        public boolean shown() {
            return !complete() && !dismissed;
        }

        public int done() {
            return (numberConnected ? 1 : 0) + (teamInvited ? 1 : 0) + (contactsImported ? 1 : 0)
                    + (messageSent ? 1 : 0);
        }
    }

    /**
     * Hides an open notice of this workspace from this member until its title changes (an escalation shows again).
     *
     * @return false when the workspace has no such open notice
     */
    boolean dismissNotice(WorkspaceId workspace, UUID user, UUID notice) {
        return jdbc.sql("""
                insert into notice_dismissals (workspace_id, user_id, notice_id, title, dismissed_at)
                select workspace_id, :user, id, title, :now from workspace_notices
                where workspace_id = :w and id = :notice and resolved_at is null
                on conflict (workspace_id, user_id, notice_id) do update set title = excluded.title,
                    dismissed_at = excluded.dismissed_at""")
                .param("w", workspace.value()).param("user", user).param("notice", notice)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** The notices this member dismissed, as they were: a notice whose title changed since is not among them. */
    java.util.Set<UUID> dismissedNotices(WorkspaceId workspace, UUID user) {
        return new java.util.HashSet<>(jdbc.sql("""
                select d.notice_id from notice_dismissals d
                join workspace_notices n on n.id = d.notice_id and n.workspace_id = d.workspace_id
                where d.workspace_id = :w and d.user_id = :user and n.title = d.title""")
                .param("w", workspace.value()).param("user", user).query(UUID.class).list());
    }

    /** Where a notice leads: a breach's notice to the breach's page; others nowhere. */
    public static @Nullable String linkOf(String noticeKey) {
        return noticeKey.startsWith(BREACH_NOTICE) ? "/app/settings/breaches/" + noticeKey.substring(BREACH_NOTICE.length())
                : null;
    }

    private static final String BREACH_NOTICE = "compliance.breach.";

    Today today(WorkspaceId workspace, ZoneId zone) {
        var from = startOfToday(zone);
        var w = workspace.value();
        var conversations = jdbc.sql("""
                select count(*), count(*) filter (where assignee_id is null)
                from conversations where workspace_id = :w and state = 'open'
                  and (not opened_by_campaign or last_inbound_at is not null)""")
                .param("w", w).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        var messages = jdbc.sql("""
                select count(*) filter (where direction = 'inbound'),
                       count(*) filter (where direction = 'outbound'),
                       count(*) filter (where direction = 'outbound' and status in ('delivered', 'read', 'played')),
                       count(*) filter (where direction = 'outbound' and status in ('sent', 'delivered', 'read', 'played', 'failed'))
                from messages where workspace_id = :w and created_at >= :from""")
                .param("w", w).param("from", Timestamp.from(from))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        var leads = count("select count(*) from leads where workspace_id = :w and received_at >= :at", w, from);
        // The compliance report's count, so that one opt-out is one, under the same channel, in both.
        var optOutsByChannel = optOutNumbers.of(workspace, from, clock.instant().plusSeconds(1)).byChannel();
        var optOuts = optOutsByChannel.values().stream().mapToLong(Long::longValue).sum();
        Integer rate = messages[3] == 0 ? null : (int) Math.round(100.0 * messages[2] / messages[3]);
        return new Today(conversations[0], conversations[1], messages[0], messages[1], rate, leads, optOuts,
                optOutsByChannel);
    }

    Attention attention(WorkspaceId workspace, ZoneId zone) {
        var w = workspace.value();
        var now = clock.instant();
        var emailOptOuts = count("""
                select count(*) from email_optout_requests
                where workspace_id = :w and status = 'open' and due_at < :at""", w, now);
        var privacyRequests = count("""
                select count(*) from privacy_requests
                where workspace_id = :w and status in ('awaiting-verification', 'open') and due_at < :at""", w, now);
        var failed = count("""
                select count(*) from messages
                where workspace_id = :w and direction = 'outbound' and status = 'failed' and failed_at >= :at""",
                w, startOfToday(zone));
        var templates = jdbc.sql("""
                select name || ' (' || language || '): ' || lower(status) from message_templates
                where workspace_id = :w and status in (:stuck) order by name, language limit 5""")
                .param("w", w).param("stuck", STUCK_TEMPLATES).query(String.class).list();
        return new Attention(emailOptOuts, privacyRequests, failed, templates);
    }

    Onboarding onboarding(WorkspaceId workspace) {
        var w = workspace.value();
        return jdbc.sql("""
                select exists (select 1 from channels where workspace_id = :w),
                       exists (select 1 from business_users where workspace_id = :w and role <> 'owner')
                           or exists (select 1 from member_invitations where workspace_id = :w and revoked_at is null),
                       exists (select 1 from contact_imports where workspace_id = :w and status = 'completed'),
                       exists (select 1 from messages where workspace_id = :w and direction = 'outbound'),
                       exists (select 1 from onboarding_dismissals where workspace_id = :w)""")
                .param("w", w)
                .query((rs, n) -> new Onboarding(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .single();
    }

    /** Hides the checklist; safe to repeat. */
    void dismissOnboarding(WorkspaceId workspace, UUID by) {
        jdbc.sql("""
                insert into onboarding_dismissals (workspace_id, dismissed_by, dismissed_at) values (:w, :by, :now)
                on conflict (workspace_id) do nothing""")
                .param("w", workspace.value()).param("by", by).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** A count of one workspace's rows, against one time ({@code :at}). */
    private long count(String sql, UUID workspace, Instant at) {
        return jdbc.sql(sql).param("w", workspace).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private Instant startOfToday(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
