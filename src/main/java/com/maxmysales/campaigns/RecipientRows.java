package com.maxmysales.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaign_recipients table: each campaign's snapshot, its queue and its results. */
@Repository
class RecipientRows {

    static final String COLUMNS = """
            seq, contact_id, status, exclusion, message_id, error_code, error_detail, queued_at, sent_at, delivered_at,
            read_at, replied_at, failed_at, opted_out_at""";

    /**
     * A contact of the snapshot, as read (decrypted once, for the decision, the preview and its sample);
     * {@code exclusion} null for one who gets the message.
     */
    record Snapshotted(com.maxmysales.contacts.Contact contact, @Nullable Exclusion exclusion) {

        UUID id() {
            return contact.id().value();
        }
    }

    /** A recipient whose message is in the outbox. */
    record Queued(UUID campaign, UUID contact, UUID message) {}

    private final JdbcClient jdbc;

    RecipientRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends after the last row, in order; a contact already in the snapshot (a rerun after a crash) is skipped. */
    void append(WorkspaceId workspace, UUID campaign, List<Snapshotted> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var contacts = rows.stream().map(Snapshotted::id).toArray(UUID[]::new);
        var exclusions = rows.stream().map(row -> row.exclusion() == null ? null : row.exclusion().code()).toArray(String[]::new);
        jdbc.sql("""
                insert into campaign_recipients (campaign_id, workspace_id, contact_id, seq, status, exclusion)
                select :campaign, :workspace, r.contact, base.seq + r.n,
                       case when r.exclusion is null then 'pending' else 'excluded' end, r.exclusion
                from unnest(cast(:contacts as uuid[]), cast(:exclusions as text[])) with ordinality as r (contact, exclusion, n)
                cross join (select coalesce(max(seq), 0) as seq from campaign_recipients where campaign_id = :campaign) base
                on conflict (campaign_id, contact_id) do nothing
                """)
                .param("campaign", campaign).param("workspace", workspace.value())
                .param("contacts", contacts).param("exclusions", exclusions)
                .update();
    }

    /**
     * The funnel counts each recipient at every step up to the furthest it reached: a reply proves the message was
     * delivered and read, even when Meta's receipts have not come (or never will: read receipts turned off), so no
     * step is ever more than the one before it.
     */
    CampaignCounts counts(WorkspaceId workspace, UUID campaign) {
        return jdbc.sql("""
                select count(*) filter (where status <> 'excluded'),
                       count(*) filter (where status = 'excluded'),
                       count(*) filter (where status in ('pending', 'queued')),
                       count(coalesce(sent_at, delivered_at, read_at, replied_at)),
                       count(coalesce(delivered_at, read_at, replied_at)), count(coalesce(read_at, replied_at)),
                       count(replied_at),
                       count(*) filter (where status = 'failed'),
                       count(*) filter (where status = 'withdrawn'),
                       count(opted_out_at)
                from campaign_recipients where workspace_id = :workspace and campaign_id = :campaign
                """)
                .param("workspace", workspace.value()).param("campaign", campaign)
                .query((rs, n) -> new CampaignCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .single();
    }

    /** The excluded, by reason, in the reasons' order. */
    Map<Exclusion, Long> exclusions(WorkspaceId workspace, UUID campaign) {
        var counts = new LinkedHashMap<Exclusion, Long>();
        jdbc.sql("""
                select exclusion, count(*) from campaign_recipients
                where workspace_id = :workspace and campaign_id = :campaign and status = 'excluded'
                group by exclusion
                """)
                .param("workspace", workspace.value()).param("campaign", campaign)
                .query((rs, n) -> counts.put(Exclusion.fromCode(rs.getString(1)), rs.getLong(2))).list();
        var ordered = new LinkedHashMap<Exclusion, Long>();
        for (var reason : Exclusion.values()) {
            if (counts.containsKey(reason)) {
                ordered.put(reason, counts.get(reason));
            }
        }
        return ordered;
    }

    /** Failures by Meta's (or the platform's) code, most first. */
    Map<Integer, Long> failures(WorkspaceId workspace, UUID campaign) {
        var counts = new LinkedHashMap<Integer, Long>();
        jdbc.sql("""
                select coalesce(error_code, 0), count(*) from campaign_recipients
                where workspace_id = :workspace and campaign_id = :campaign and status = 'failed'
                group by 1 order by 2 desc
                """)
                .param("workspace", workspace.value()).param("campaign", campaign)
                .query((rs, n) -> counts.put(rs.getInt(1), rs.getLong(2))).list();
        return counts;
    }

    /** The next pending contacts in snapshot order, locked for this feed. */
    List<UUID> nextPending(UUID campaign, int limit) {
        return jdbc.sql("""
                select contact_id from campaign_recipients where campaign_id = :campaign and status = 'pending'
                order by seq limit :limit for update skip locked
                """)
                .param("campaign", campaign).param("limit", limit).query(UUID.class).list();
    }

    boolean anyPending(UUID campaign) {
        return jdbc.sql("select exists (select 1 from campaign_recipients where campaign_id = :campaign and status = 'pending')")
                .param("campaign", campaign).query(Boolean.class).single();
    }

    boolean anyQueued(UUID campaign) {
        return jdbc.sql("select exists (select 1 from campaign_recipients where campaign_id = :campaign and status = 'queued')")
                .param("campaign", campaign).query(Boolean.class).single();
    }

    List<Queued> queued(WorkspaceId workspace, UUID campaign) {
        return jdbc.sql("""
                select campaign_id, contact_id, message_id from campaign_recipients
                where workspace_id = :workspace and campaign_id = :campaign and status = 'queued'
                """)
                .param("workspace", workspace.value()).param("campaign", campaign)
                .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
    }

    /** A fed batch's recipients, each with its message in the outbox: one statement for the batch. */
    void markQueued(WorkspaceId workspace, UUID campaign, List<Queued> fed, Instant now) {
        if (fed.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update campaign_recipients r set status = 'queued', message_id = q.message, queued_at = :now
                from unnest(cast(:contacts as uuid[]), cast(:messages as uuid[])) as q (contact, message)
                where r.workspace_id = :workspace and r.campaign_id = :campaign and r.contact_id = q.contact
                """)
                .param("contacts", fed.stream().map(Queued::contact).toArray(UUID[]::new))
                .param("messages", fed.stream().map(Queued::message).toArray(UUID[]::new))
                .param("now", Timestamp.from(now)).param("workspace", workspace.value()).param("campaign", campaign)
                .update();
    }

    /** The ledger or the channel refused it when it was fed: the reason is kept as an exclusion or a failure. */
    void markRefused(WorkspaceId workspace, UUID campaign, UUID contact, RecipientStatus status,
            @Nullable Exclusion exclusion, @Nullable String detail, Instant now) {
        jdbc.sql("""
                update campaign_recipients set status = :status, exclusion = :exclusion, error_detail = :detail,
                    failed_at = case when :status = 'failed' then cast(:now as timestamptz) end
                where workspace_id = :workspace and campaign_id = :campaign and contact_id = :contact
                """)
                .param("status", status.code()).param("exclusion", exclusion == null ? null : exclusion.code())
                .param("detail", detail).param("now", Timestamp.from(now))
                .param("workspace", workspace.value()).param("campaign", campaign).param("contact", contact)
                .update();
    }

    /** Withdrawn from the outbox by a pause: fed again on resume. */
    void backToPending(WorkspaceId workspace, Collection<UUID> messages) {
        jdbc.sql("""
                update campaign_recipients set status = 'pending', message_id = null, queued_at = null
                where workspace_id = :workspace and message_id = any(:messages) and status = 'queued'
                """)
                .param("workspace", workspace.value()).param("messages", messages.toArray(UUID[]::new)).update();
    }

    /** Never to be sent: a cancel, or the person opted out before it went. */
    int withdraw(WorkspaceId workspace, UUID campaign, @Nullable UUID contact, Collection<UUID> withdrawnMessages,
            @Nullable Exclusion reason) {
        return jdbc.sql("""
                update campaign_recipients set status = 'withdrawn', exclusion = :reason, message_id = null
                where workspace_id = :workspace and campaign_id = :campaign
                  and (cast(:contact as uuid) is null or contact_id = :contact)
                  and (status = 'pending' or (status = 'queued' and message_id = any(:messages)))
                """)
                .param("reason", reason == null ? null : reason.code())
                .param("workspace", workspace.value()).param("campaign", campaign).param("contact", contact)
                .param("messages", withdrawnMessages.toArray(UUID[]::new)).update();
    }

    /** One status of one campaign message, as {@link #applyStatuses} follows it. */
    record StatusChange(WorkspaceId workspace, UUID message, String status, @Nullable Integer errorCode,
            @Nullable String errorDetail, Instant at) {}

    /** How far a recipient (the row named by the argument) got in the funnel: 0 none, then sent, delivered, read, replied. */
    private static final String FUNNEL_STEP = """
            case when %1$s.replied_at is not null then 4 when %1$s.read_at is not null then 3
                 when %1$s.delivered_at is not null then 2 when %1$s.sent_at is not null then 1 else 0 end""";

    /**
     * Follows many messages' statuses, as applying them one by one in their order would: a status never moves a
     * recipient back (Meta's arrive out of order), and a failure ends only one not yet delivered, as messaging does.
     * A statement per round, each round holding at most one status of a message (an update changes a row once per
     * statement), so a batch whose messages each moved once costs one statement.
     *
     * @return per campaign, the recipients that newly reached each step of the funnel; none for a redelivery
     */
    List<CampaignFunnelMoved> applyStatuses(List<StatusChange> changes) {
        var rounds = new ArrayList<List<StatusChange>>();
        var seen = new HashMap<UUID, Integer>();
        for (var change : changes) {
            var round = seen.merge(change.message(), 1, Integer::sum) - 1;
            if (rounds.size() == round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(change);
        }
        var moved = new LinkedHashMap<UUID, CampaignFunnelMoved>();
        rounds.forEach(round -> applyRound(round)
                .forEach(campaign -> moved.merge(campaign.campaignId(), campaign, CampaignFunnelMoved::plus)));
        return List.copyOf(moved.values());
    }

    private List<CampaignFunnelMoved> applyRound(List<StatusChange> round) {
        var size = round.size();
        var workspace = new String[size];
        var message = new String[size];
        var status = new String[size];
        var code = new @Nullable String[size];
        var detail = new @Nullable String[size];
        var at = new String[size];
        for (var i = 0; i < size; i++) {
            var change = round.get(i);
            workspace[i] = change.workspace().value().toString();
            message[i] = change.message().toString();
            status[i] = change.status();
            code[i] = change.errorCode() == null ? null : change.errorCode().toString();
            detail[i] = change.errorDetail();
            at[i] = change.at().toString();
        }
        return jdbc.sql("""
                with moved as (
                    update campaign_recipients r set
                        status = case
                            when u.status = 'failed' and r.status in ('queued', 'sent') then 'failed'
                            when u.status <> 'failed' and r.status <> 'failed'
                                 and array_position(array['queued', 'sent', 'delivered', 'read'], u.status)
                                     > coalesce(array_position(array['queued', 'sent', 'delivered', 'read'], r.status), 0)
                                then u.status
                            else r.status end,
                        sent_at = case when u.status in ('sent', 'delivered', 'read') then coalesce(r.sent_at, u.at) else r.sent_at end,
                        delivered_at = case when u.status in ('delivered', 'read') then coalesce(r.delivered_at, u.at)
                                       else r.delivered_at end,
                        read_at = case when u.status = 'read' then coalesce(r.read_at, u.at) else r.read_at end,
                        failed_at = case when u.status = 'failed' and r.status in ('queued', 'sent') then u.at else r.failed_at end,
                        error_code = case when u.status = 'failed' then u.code else r.error_code end,
                        error_detail = case when u.status = 'failed' then u.detail else r.error_detail end
                    from unnest(cast(cast(:workspace as text[]) as uuid[]), cast(cast(:message as text[]) as uuid[]),
                                cast(:status as text[]), cast(cast(:code as text[]) as int[]), cast(:detail as text[]),
                                cast(cast(:at as text[]) as timestamptz[])) as u(workspace_id, message_id, status, code, detail, at)
                    where r.workspace_id = u.workspace_id and r.message_id = u.message_id
                    returning r.workspace_id, r.campaign_id, u.at, %1$s as had, %2$s as reached
                )
                select workspace_id, campaign_id,
                       count(*) filter (where had < 1),
                       count(*) filter (where had < 2 and reached >= 2),
                       count(*) filter (where had < 3 and reached >= 3),
                       0, 0, max(at)
                from moved where reached > had
                group by workspace_id, campaign_id
                """.formatted(FUNNEL_STEP.formatted("old"), FUNNEL_STEP.formatted("new")))
                .param("workspace", workspace).param("message", message).param("status", status).param("code", code)
                .param("detail", detail).param("at", at)
                .query(RecipientRows::moved).list();
    }

    private static CampaignFunnelMoved moved(ResultSet rs, int row) throws SQLException {
        return new CampaignFunnelMoved(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant());
    }

    /** Whether the latest campaign message sent to the contact since then (the one a message would answer) has no reply yet. */
    boolean awaitsReply(WorkspaceId workspace, UUID contact, Instant since) {
        return jdbc.sql("""
                select replied_at is null from campaign_recipients
                where workspace_id = :workspace and contact_id = :contact and queued_at is not null
                  and sent_at >= :since
                order by sent_at desc limit 1
                """)
                .param("workspace", workspace.value()).param("contact", contact).param("since", Timestamp.from(since))
                .query(Boolean.class).optional().orElse(false);
    }

    /** The campaign message a customer's message answers, and what that reply moved in its campaign's funnel. */
    record Reply(UUID message, CampaignFunnelMoved moved) {}

    /**
     * A customer's message: the reply of the latest campaign message sent to them since {@code since}, when it is the
     * first reply to it. A reply proves every step before it, so it moves those the receipts had not.
     */
    java.util.Optional<Reply> replied(WorkspaceId workspace, UUID contact, Instant since, Instant at) {
        return jdbc.sql("""
                update campaign_recipients set replied_at = :at
                where (campaign_id, contact_id) = (
                    select campaign_id, contact_id from campaign_recipients
                    where workspace_id = :workspace and contact_id = :contact and queued_at is not null
                      and sent_at >= :since
                    order by sent_at desc limit 1)
                  and replied_at is null
                returning message_id, campaign_id, %s as had
                """.formatted(FUNNEL_STEP.formatted("old")))
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("contact", contact)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    var had = rs.getInt("had");
                    return new Reply(rs.getObject("message_id", UUID.class), new CampaignFunnelMoved(workspace,
                            rs.getObject("campaign_id", UUID.class), had < 1 ? 1 : 0, had < 2 ? 1 : 0, had < 3 ? 1 : 0,
                            1, 0, at));
                })
                .optional();
    }

    /**
     * An opt-out: counted against each campaign whose message reached them within the STOP window before it. Meta
     * stamps a customer's message in whole seconds and a send is stamped to the microsecond, so a STOP in the second
     * of the send counts: its own time lies somewhere in that second.
     *
     * @return the campaigns whose STOP rate it counts in (one row per campaign and contact: a second opt-out of the same person, none)
     */
    List<CampaignFunnelMoved> optedOut(WorkspaceId workspace, UUID contact, Instant since, Instant at) {
        return jdbc.sql("""
                update campaign_recipients set opted_out_at = :at
                where workspace_id = :workspace and contact_id = :contact and queued_at is not null
                  and sent_at >= :since and sent_at < cast(:at as timestamptz) + interval '1 second'
                  and opted_out_at is null
                returning campaign_id
                """)
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("contact", contact)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new CampaignFunnelMoved(workspace, rs.getObject(1, UUID.class), 0, 0, 0, 0, 1, at))
                .list();
    }

    /** The contact's rows waiting in campaigns that still send: pending or queued. */
    List<Queued> waiting(WorkspaceId workspace, UUID contact) {
        return jdbc.sql("""
                select r.campaign_id, r.contact_id, r.message_id from campaign_recipients r
                join campaigns c on c.id = r.campaign_id
                where r.workspace_id = :workspace and r.contact_id = :contact and r.status in ('pending', 'queued')
                  and c.status in ('scheduled', 'running', 'paused')
                """)
                .param("workspace", workspace.value()).param("contact", contact)
                .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
    }

    /** How many campaign messages each of these contacts was queued since then, other campaigns than this one. */
    Map<UUID, Integer> recentSends(WorkspaceId workspace, Collection<UUID> contacts, Instant since, UUID except) {
        var counts = new HashMap<UUID, Integer>();
        jdbc.sql("""
                select contact_id, count(*) from campaign_recipients
                where workspace_id = :workspace and contact_id = any(:contacts) and queued_at >= :since
                  and campaign_id <> :except and status not in ('withdrawn', 'pending')
                group by contact_id
                """)
                .param("workspace", workspace.value()).param("contacts", contacts.toArray(UUID[]::new))
                .param("since", Timestamp.from(since)).param("except", except)
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return counts;
    }

    /** Campaign messages of this number waiting in the outbox. */
    long queuedOnChannel(UUID channel) {
        return jdbc.sql("""
                select count(*) from campaign_recipients r join campaigns c on c.id = r.campaign_id
                where c.channel_id = :channel and c.status = 'running' and r.status = 'queued'
                """)
                .param("channel", channel).query(Long.class).single();
    }

    /** Unique contacts this number's campaigns queued to since then: Meta's messaging-limit tier counts them. */
    long uniqueRecipientsSince(UUID channel, Instant since) {
        return jdbc.sql("""
                select count(distinct r.contact_id) from campaign_recipients r join campaigns c on c.id = r.campaign_id
                where c.channel_id = :channel and r.queued_at >= :since and r.status <> 'withdrawn'
                """)
                .param("channel", channel).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    /** Messages that reached each step within one bucket of time, the bucket starting {@code at}. */
    record Bucket(Instant at, long sent, long delivered, long read) {}

    /**
     * Sends, deliveries and reads over time, in about 60 buckets of whole minutes (one minute at least) from the
     * first send: the campaign page's chart. Each series counts its own timestamp.
     */
    List<Bucket> overTime(WorkspaceId workspace, UUID campaign) {
        return jdbc.sql("""
                with span as (
                    select min(sent_at) as first, max(greatest(sent_at, delivered_at, read_at)) as last
                    from campaign_recipients where workspace_id = :workspace and campaign_id = :campaign),
                step as (
                    select first, make_interval(mins => greatest(1, ceil(extract(epoch from last - first) / 60 / 60)::int)) as width
                    from span where first is not null),
                events as (
                    select sent_at as at, 1 as sent, 0 as delivered, 0 as read from campaign_recipients
                    where workspace_id = :workspace and campaign_id = :campaign and sent_at is not null
                    union all
                    select delivered_at, 0, 1, 0 from campaign_recipients
                    where workspace_id = :workspace and campaign_id = :campaign and delivered_at is not null
                    union all
                    select read_at, 0, 0, 1 from campaign_recipients
                    where workspace_id = :workspace and campaign_id = :campaign and read_at is not null)
                select date_bin(step.width, e.at, step.first) as bucket, sum(e.sent), sum(e.delivered), sum(e.read)
                from events e cross join step
                group by 1 order by 1
                """)
                .param("workspace", workspace.value()).param("campaign", campaign)
                .query((rs, n) -> new Bucket(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** A page in snapshot order after {@code afterSeq}; rows plus one. */
    List<CampaignRecipient> page(WorkspaceId workspace, UUID campaign, @Nullable RecipientStatus status, long afterSeq,
            int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from campaign_recipients
                where workspace_id = :workspace and campaign_id = :campaign and seq > :after
                  and (cast(:status as text) is null or status = :status)
                order by seq limit :limit
                """)
                .param("workspace", workspace.value()).param("campaign", campaign).param("after", afterSeq)
                .param("status", status == null ? null : status.code()).param("limit", limit + 1)
                .query(RecipientRows::recipient).list();
    }

    static CampaignRecipient recipient(ResultSet rs, int row) throws SQLException {
        var exclusion = rs.getString("exclusion");
        return new CampaignRecipient(rs.getLong("seq"), rs.getObject("contact_id", UUID.class),
                RecipientStatus.fromCode(rs.getString("status")).orElseThrow(),
                exclusion == null ? null : Exclusion.fromCode(exclusion), rs.getObject("message_id", UUID.class),
                rs.getObject("error_code", Integer.class), rs.getString("error_detail"), instant(rs, "queued_at"),
                instant(rs, "sent_at"), instant(rs, "delivered_at"), instant(rs, "read_at"), instant(rs, "replied_at"),
                instant(rs, "failed_at"), instant(rs, "opted_out_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
