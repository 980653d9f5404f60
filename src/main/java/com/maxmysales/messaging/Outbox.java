package com.maxmysales.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.LocalFailure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbound rows of the messages table seen as a queue, paced per number by {@code send_slots}. A claim
 * reserves due rows for a lease without changing their status, so rows a node claimed and never reached are due
 * again when it dies; only the mark {@code sending}, committed right before the Graph call, makes a row never go
 * out again.
 */
@Repository
class Outbox {

    /** A claimed row. */
    record Claimed(Messages.Row row) {}

    /** A row that failed without a status from Meta, settled by a sweep. */
    record Settled(WorkspaceId workspace, UUID id, UUID channel, UUID conversation, boolean ofCampaign) {}

    private static final String OF_CAMPAIGN = OutboundRequest.ofCampaign("messages");

    static final String CLAIM = """
            with recursive busy (channel_id) as (
                (select channel_id from messages where status = 'queued' order by channel_id limit 1)
                union all
                select (select m.channel_id from messages m
                        where m.status = 'queued' and m.channel_id > busy.channel_id order by m.channel_id limit 1)
                from busy where busy.channel_id is not null
            ), slots as (
                select s.channel_id, s.per_second, s.held_from_lane, s.held_until,
                       greatest(s.next_slot_at, cast(:now as timestamptz) - interval '50 milliseconds') as first_slot
                from send_slots s
                where s.channel_id in (select channel_id from busy) and s.next_slot_at <= :now
                  and (coalesce(s.held_from_lane, 4) > 0 or s.held_until <= :now)
                order by s.next_slot_at
                limit :numbers
                for update of s skip locked
            ), picked as (
                select q.id, s.channel_id, s.per_second, s.first_slot
                from slots s cross join lateral (
                    select m.id from messages m
                    where m.channel_id = s.channel_id and m.status = 'queued' and m.next_attempt_at <= :now
                      and (m.lease_until is null or m.lease_until < :now)
                      and (m.lane < s.held_from_lane or s.held_from_lane is null or s.held_until <= :now)
                    order by m.lane, m.next_attempt_at
                    limit least(:perNumber,
                                1 + floor(extract(epoch from cast(:now as timestamptz) - s.first_slot) * s.per_second)::int)
                ) q
            ), leased as (
                update messages set lease_until = :lease
                where id = any(array(select id from picked)) and status = 'queued'
                  and (lease_until is null or lease_until < :now)
                returning id
            ), paced as (
                update send_slots s set next_slot_at = p.first_slot + p.claimed * interval '1 second' / s.per_second
                from (select channel_id, first_slot, count(*) as claimed from picked
                      where id in (select id from leased) group by channel_id, first_slot) p
                where s.channel_id = p.channel_id
                returning s.channel_id
            )
            select\s""" + Messages.COLUMNS + """
             from messages where messages.id = any(array(select id from leased))
            order by messages.lane, messages.next_attempt_at
            """;

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims, for every number whose next send slot has come, its due rows for the slots that have come, lowest lane
     * first, and moves the number's slot on by one per row
     * at its rate. Numbers are found by skipping through the queue's index (one probe per number with work), locked
     * with SKIP LOCKED so that nodes never share a slot, and served oldest slot first. The rows go back to the
     * messages table by {@code = any(array(...))}: joined, PostgreSQL cannot tell how few they are and scans the queue.
     * <p>
     * The lease is taken only of rows still queued and unleased when it is written: a claim whose snapshot began
     * before another worker's claim committed picked that claim's rows too, leased them again and locked them in an
     * order of its own while the other worker marked them {@code sending}, and the two deadlocked. It skips them now
     * and claims, and paces, only what it leased.
     * <p>
     * A claim that comes late takes the slots of the last 50 ms at most (a busy number's dispatcher comes back every
     * 20 ms or so); older slots are forfeited. Meta counts a number's messages per second: a second's worth taken
     * after a pause went out on top of that second's own, 1,413 in one second at 1,000/s (docs/performance.md).
     *
     * @param numbers how many numbers one claim serves at most
     * @param perNumber how many rows one number gives at most
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int numbers, int perNumber) {
        return jdbc.sql(CLAIM)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil))
                .param("numbers", numbers).param("perNumber", perNumber)
                .query((rs, n) -> new Claimed(Messages.row(rs, n)))
                .list();
    }

    /**
     * The earliest send slot still to come of a number with rows due by then: when a claim next finds work, so the
     * dispatcher waits exactly until it rather than polling. Only numbers that sent lately have a slot ahead.
     */
    Optional<Instant> nextSlot(Instant now) {
        // A lateral probe with a limit, one per slot ahead: as a semi-join PostgreSQL may scan the whole queue.
        return jdbc.sql("""
                select min(s.next_slot_at) from send_slots s
                cross join lateral (
                    select 1 from messages m
                    where m.channel_id = s.channel_id and m.status = 'queued' and m.next_attempt_at <= s.next_slot_at
                      and (m.lease_until is null or m.lease_until < s.next_slot_at)
                      and (m.lane < s.held_from_lane or s.held_from_lane is null or s.held_until <= s.next_slot_at)
                    limit 1) due
                where s.next_slot_at > :now
                """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Gives a number its send slot the first time it sends; never waits for a claim that holds it. */
    void ensureSlot(WorkspaceId workspace, UUID channel, int perSecond, Instant now) {
        jdbc.sql("""
                insert into send_slots (channel_id, workspace_id, per_second, next_slot_at)
                values (:channel, :workspace, :perSecond, :now)
                on conflict (channel_id) do nothing
                """)
                .param("channel", channel).param("workspace", workspace.value()).param("perSecond", perSecond)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Meta changed the number's rate or held its sending: the next claims pace it at the new rate and skip its lanes
     * from {@code heldFromLane} on until {@code heldUntil} (for good when null; nothing held when the lane is null).
     * A number that never sent gets its slot now, so that a hold Meta sent first is there when its first message is.
     */
    void pace(WorkspaceId workspace, UUID channel, int perSecond, Integer heldFromLane, Instant heldUntil, Instant now) {
        jdbc.sql("""
                insert into send_slots (channel_id, workspace_id, per_second, next_slot_at, held_from_lane, held_until)
                values (:channel, :workspace, :perSecond, :now, :lane, :until)
                on conflict (channel_id) do update
                set per_second = excluded.per_second, held_from_lane = excluded.held_from_lane,
                    held_until = excluded.held_until,
                    -- A slower rate counts from the next slot: a slot set far ahead by a faster one stays.
                    next_slot_at = send_slots.next_slot_at
                where send_slots.workspace_id = excluded.workspace_id
                """)
                .param("channel", channel).param("workspace", workspace.value()).param("perSecond", perSecond)
                .param("now", Timestamp.from(now)).param("lane", heldFromLane)
                .param("until", heldUntil == null ? null : Timestamp.from(heldUntil))
                .update();
    }

    /**
     * Marks claimed rows {@code sending}, committed right before their Graph calls, in one statement (one commit): the caller marks only as many as
     * it calls the Graph API for at once, so that a crash leaves no more than those with an unknown outcome.
     *
     * Bound in {@link MessageLocks#ORDER}, as the claim's lease takes the same rows: in the claim's order, a
     * second worker's claim leasing rows this one had claimed from an older snapshot deadlocked with it.
     *
     * @return the ids marked; the others are no longer queued (another node sent them, or they were withdrawn), or
     *         Meta held their number's sending after the claim: they stay queued and are claimed again once it ends
     */
    java.util.Set<UUID> markSendingAll(List<Messages.Row> claimed, Instant now, Instant leaseUntil) {
        var rows = claimed.stream().sorted(Comparator.comparing(Messages.Row::id, MessageLocks.ORDER)).toList();
        return new java.util.HashSet<>(jdbc.sql("""
                update messages set status = 'sending', attempts = attempts + 1, lease_until = :lease
                from unnest(cast(:ids as text[]), cast(:workspaces as text[])) as t(id, workspace_id)
                where messages.id = cast(t.id as uuid) and messages.workspace_id = cast(t.workspace_id as uuid)
                  and messages.status = 'queued'
                  and not exists (select 1 from send_slots s
                                  where s.channel_id = messages.channel_id and s.held_from_lane <= messages.lane
                                    and (s.held_until is null or s.held_until > :now))
                returning messages.id
                """)
                .param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
                .param("ids", rows.stream().map(row -> row.id().toString()).toArray(String[]::new))
                .param("workspaces", rows.stream().map(row -> row.workspace().value().toString()).toArray(String[]::new))
                .query(UUID.class).list());
    }

    /** A send the Graph API accepted, to be recorded. */
    record Accepted(WorkspaceId workspace, UUID id, String wamid, Instant at) {}

    /**
     * Records sends the Graph API accepted, many in one statement: {@code sent} unless Meta's status moved the row on
     * first, with the wamid and when it was accepted.
     *
     * @return the rows this moved to {@code sent}, with their workspace (not those Meta's status had moved on)
     */
    List<Settled> acceptedAll(List<Accepted> batch) {
        // In the messages' lock order, as the status webhooks' updates take them: see MessageLocks.
        var sends = batch.stream().sorted(Comparator.comparing(Accepted::id, MessageLocks.ORDER)).toList();
        return jdbc.sql("""
                update messages set status = case when messages.status = 'sending' then 'sent' else messages.status end,
                    wamid = t.wamid, sent_at = coalesce(messages.sent_at, t.at), lease_until = null
                from unnest(cast(:ids as text[]), cast(:workspaces as text[]), cast(:wamids as text[]),
                            cast(:ats as timestamptz[])) as t(id, workspace_id, wamid, at)
                where messages.id = cast(t.id as uuid) and messages.workspace_id = cast(t.workspace_id as uuid)
                returning messages.workspace_id, messages.id, messages.channel_id, messages.conversation_id, """ + OF_CAMPAIGN
                + ", old.status = 'sending' as moved")
                .param("ids", sends.stream().map(send -> send.id().toString()).toArray(String[]::new))
                .param("workspaces", sends.stream().map(send -> send.workspace().value().toString()).toArray(String[]::new))
                .param("wamids", sends.stream().map(Accepted::wamid).toArray(String[]::new))
                .param("ats", sends.stream().map(send -> Timestamp.from(send.at())).toArray(Timestamp[]::new))
                .query((rs, n) -> rs.getBoolean("moved") ? new Settled(new WorkspaceId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        rs.getBoolean(5)) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The Graph call may have reached Meta without an answer: the row stays {@code sending}, never claimed again,
     * until Meta's status webhook (matched by our id) moves it on, or the sweep reports it failed after the grace
     * period counted from now.
     */
    void awaitStatus(WorkspaceId workspace, UUID id, Instant now, String detail) {
        jdbc.sql("""
                update messages set lease_until = :now, error_detail = :detail
                where workspace_id = :workspace and id = :id and status = 'sending'
                """)
                .param("now", Timestamp.from(now)).param("detail", detail)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Back to the queue for a later try; the error that caused it is kept for the record. */
    void retryAt(WorkspaceId workspace, UUID id, Instant at, int code, String detail) {
        jdbc.sql("""
                update messages set status = 'queued', next_attempt_at = :at, lease_until = null,
                    error_code = :code, error_detail = :detail
                where workspace_id = :workspace and id = :id and status in ('queued', 'sending')
                """)
                .param("at", Timestamp.from(at)).param("code", code).param("detail", detail)
                .param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Reschedules without counting a try: the row was only held back by pacing. */
    void postpone(WorkspaceId workspace, UUID id, Instant at) {
        jdbc.sql("update messages set next_attempt_at = :at, lease_until = null where workspace_id = :workspace and id = :id and status = 'queued'")
                .param("at", Timestamp.from(at)).param("workspace", workspace.value()).param("id", id)
                .update();
    }

    /** Claimed rows this node will not send after all: due again at once instead of when their lease ends. */
    void unclaim(List<Messages.Row> rows) {
        jdbc.sql("update messages set lease_until = null where id = any(:ids) and status = 'queued'")
                .param("ids", rows.stream().map(Messages.Row::id).toArray(UUID[]::new))
                .update();
    }

    /** @return false when the row had left the queue already (a status from Meta came first) */
    boolean failed(WorkspaceId workspace, UUID id, Instant now, int code, String detail) {
        return jdbc.sql("""
                update messages set status = 'failed', failed_at = :now, lease_until = null,
                    error_code = :code, error_detail = :detail
                where workspace_id = :workspace and id = :id and status in ('queued', 'sending')
                """)
                .param("now", Timestamp.from(now)).param("code", code).param("detail", detail)
                .param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /**
     * Sends whose outcome is unknown (a crash after the {@code sending} mark, a Graph call that timed out after the
     * request left) and that no status webhook of Meta's settled within the grace period: reported failed, never
     * sent again, because a duplicate costs the business money and trust. Meta's status, if it comes later still,
     * moves them on ({@link Messages#applyStatus}).
     */
    List<Settled> failUnknownOutcomes(Instant leaseExpiredBefore, Instant now) {
        return jdbc.sql("""
                update messages set status = 'failed', failed_at = :now, lease_until = null, error_code = :code,
                    error_detail = 'Meta did not confirm this message: the platform stopped during the send, or the '
                                   || 'Graph call got no answer, and no status came from Meta. It was not sent again.'
                where status = 'sending' and lease_until < :before
                returning workspace_id, id, channel_id, conversation_id, """ + OF_CAMPAIGN)
                .param("now", Timestamp.from(now)).param("code", LocalFailure.UNKNOWN_OUTCOME.code())
                .param("before", Timestamp.from(leaseExpiredBefore))
                .query((rs, n) -> new Settled(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getBoolean(5)))
                .list();
    }
}
