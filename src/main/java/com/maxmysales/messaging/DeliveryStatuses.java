package com.maxmysales.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.LocalFailure;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meta's delivery statuses of a batch of webhook events, applied to the outbound messages in one statement: under a
 * broadcast three statuses come back for every message sent, and a statement (and a second for the pricing) per
 * status was most of what applying them cost.
 * <p>
 * The rule is the one a status applied alone follows: a message only moves forward (a status it has passed changes
 * nothing, so a status applied twice changes nothing); {@code failed} ends a message not yet delivered; a message
 * failed only because its outcome was unknown ({@link LocalFailure#UNKNOWN_OUTCOME}) moves on when Meta says it was
 * sent after all. A row is updated once per statement, so the statuses of one message in the batch are folded
 * first — sent, delivered and read become one move to read that sets all three times, as if applied in that order
 * — and the transitions it made are reported one by one. Pricing is noted whether the status moves the message or
 * not (a {@code sent} with its pricing often arrives after {@code delivered}).
 */
@Repository
class DeliveryStatuses {

    /** One status of one message, as Meta reported it. */
    record Report(WorkspaceId workspace, String wamid, @Nullable UUID ownId, MessageStatus status, Instant at,
            @Nullable Integer errorCode, @Nullable String errorDetail, Message.@Nullable Pricing pricing) {}

    /** A status a message moved to, as it is now; several per message when the batch held several of its statuses. */
    record Transition(WorkspaceId workspace, UUID id, MessageStatus status, MessageStatus previous,
            @Nullable Integer errorCode, UUID channel, UUID conversation, boolean ofCampaign) {}

    /** A message whose pricing category this batch gave it first. */
    record Priced(WorkspaceId workspace, UUID id, UUID channel, String category) {}

    /** What a batch changed: the moves, and the messages priced (moved or not). */
    record Applied(List<Transition> transitions, List<Priced> priced) {}

    /** Whether the message moves: its status is one the row's target may follow, or an unknown outcome's failure. */
    private static final String MOVES = """
            (m.status = any(string_to_array(u.from_statuses, ',')) \
            or u.allow_unknown and m.status = 'failed' and m.error_code = :unknown)""";

    /**
     * Whether the status's pricing tells the row something new: Meta repeats a message's pricing on each of its
     * statuses, so a status that moves nothing (a {@code sent} after {@code delivered}, a redelivery) would otherwise
     * write a row version, with its index entries, for nothing.
     */
    private static final String PRICING_CHANGES = """
            (coalesce(u.pricing_category, m.pricing_category), coalesce(u.pricing_model, m.pricing_model),
             coalesce(u.billable, m.billable), coalesce(u.meta_conversation_id, m.meta_conversation_id),
             coalesce(u.meta_conversation_category, m.meta_conversation_category))
            is distinct from (m.pricing_category, m.pricing_model, m.billable, m.meta_conversation_id,
                              m.meta_conversation_category)""";

    private static final String APPLY = """
            update messages m set
                status = case when %1$s then u.status else m.status end,
                wamid = case when %1$s then coalesce(m.wamid, u.wamid) else m.wamid end,
                failed_at = case when %1$s then (case when u.clear_failed then null else coalesce(m.failed_at, u.failed_at) end)
                                 else m.failed_at end,
                sent_at = case when %1$s then coalesce(m.sent_at, u.sent_at) else m.sent_at end,
                delivered_at = case when %1$s then coalesce(m.delivered_at, u.delivered_at) else m.delivered_at end,
                read_at = case when %1$s then coalesce(m.read_at, u.read_at) else m.read_at end,
                error_code = case when not %1$s then m.error_code when m.status = 'failed' then u.error_code
                                  else coalesce(u.error_code, m.error_code) end,
                error_detail = case when not %1$s then m.error_detail when m.status = 'failed' then u.error_detail
                                    else coalesce(u.error_detail, m.error_detail) end,
                lease_until = case when %1$s then null else m.lease_until end,
                pricing_category = coalesce(u.pricing_category, m.pricing_category),
                pricing_model = coalesce(u.pricing_model, m.pricing_model),
                billable = coalesce(u.billable, m.billable),
                meta_conversation_id = coalesce(u.meta_conversation_id, m.meta_conversation_id),
                meta_conversation_category = coalesce(u.meta_conversation_category, m.meta_conversation_category)
            from unnest(cast(cast(:n as text[]) as int[]), cast(cast(:workspace as text[]) as uuid[]),
                        cast(:wamid as text[]), cast(cast(:ownId as text[]) as uuid[]), cast(:status as text[]),
                        cast(:fromStatuses as text[]), cast(cast(:allowUnknown as text[]) as boolean[]),
                        cast(cast(:sentAt as text[]) as timestamptz[]), cast(cast(:deliveredAt as text[]) as timestamptz[]),
                        cast(cast(:readAt as text[]) as timestamptz[]), cast(cast(:failedAt as text[]) as timestamptz[]),
                        cast(cast(:clearFailed as text[]) as boolean[]), cast(cast(:errorCode as text[]) as int[]),
                        cast(:errorDetail as text[]), cast(cast(:hasPricing as text[]) as boolean[]),
                        cast(:pricingCategory as text[]), cast(:pricingModel as text[]),
                        cast(cast(:billable as text[]) as boolean[]), cast(:conversation as text[]),
                        cast(:conversationCategory as text[]))
                 as u(n, workspace_id, wamid, own_id, status, from_statuses, allow_unknown, sent_at, delivered_at, read_at,
                      failed_at, clear_failed, error_code, error_detail, has_pricing, pricing_category, pricing_model,
                      billable, meta_conversation_id, meta_conversation_category)
            where m.workspace_id = u.workspace_id and m.direction = 'outbound'
              and (m.wamid = u.wamid or m.id = u.own_id)
              and (%1$s or u.has_pricing and %3$s)
            returning u.n, m.id, old.status as old_status, new.status as new_status, new.error_code, m.channel_id,
                      m.conversation_id, %2$s as of_campaign,
                      case when old.pricing_category is null then new.pricing_category end as priced
            """.formatted(MOVES, OutboundRequest.ofCampaign("m"), PRICING_CHANGES);

    /** Our own id first (every send of ours carries it back), in {@link MessageLocks#ORDER}; the others after, by wamid. */
    private static final Comparator<Row> BY_LOCK_ORDER = Comparator.comparing(Row::ownId,
            Comparator.nullsLast(MessageLocks.ORDER)).thenComparing(row -> row.last().wamid(),
            Comparator.nullsLast(Comparator.<String>naturalOrder()));

    private final JdbcClient jdbc;

    DeliveryStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies a batch of statuses: one statement, and a second only when the batch holds both a {@code failed} and
     * another status of one message (the failure is then applied after the others).
     *
     * @return every transition made, in the order of the statuses that caused them, and the messages first priced
     */
    Applied apply(List<Report> reports) {
        var byMessage = new LinkedHashMap<Key, List<Report>>();
        for (var report : reports) {
            // By wamid alone: two rows of one message in a statement would update it once, the other lost.
            byMessage.computeIfAbsent(new Key(report.workspace(), report.wamid()), key -> new ArrayList<>()).add(report);
        }
        var first = new ArrayList<Row>();
        var afterwards = new ArrayList<Row>();
        for (var statuses : byMessage.values()) {
            var ownId = statuses.stream().map(Report::ownId).filter(Objects::nonNull).findFirst().orElse(null);
            // The first of each status counts, as applying them one by one would leave it.
            var forward = statuses.stream().filter(report -> report.status() != MessageStatus.FAILED)
                    .collect(java.util.stream.Collectors.toMap(Report::status, report -> report, (one, again) -> one,
                            LinkedHashMap::new))
                    .values().stream().sorted(Comparator.comparingInt(report -> report.status().ordinal())).toList();
            var failure = statuses.stream().filter(report -> report.status() == MessageStatus.FAILED).findFirst();
            if (!forward.isEmpty()) {
                first.add(Row.forward(forward, ownId));
            }
            failure.ifPresent(failed -> (forward.isEmpty() ? first : afterwards).add(Row.failure(failed, ownId)));
        }
        var applied = run(first);
        var afterwardsApplied = run(afterwards);
        var transitions = new ArrayList<>(applied.transitions());
        transitions.addAll(afterwardsApplied.transitions());
        var priced = new ArrayList<>(applied.priced());
        priced.addAll(afterwardsApplied.priced());
        return new Applied(transitions, priced);
    }

    private record Key(WorkspaceId workspace, String wamid) {}

    /**
     * One message's statuses folded into one move.
     *
     * @param statuses the statuses folded in, in the order they apply, each with its pricing category
     */
    private record Row(Report last, @Nullable UUID ownId, List<Report> statuses, MessageStatus target, List<String> from, boolean allowUnknown,
            @Nullable Instant sentAt, @Nullable Instant deliveredAt, @Nullable Instant readAt, @Nullable Instant failedAt,
            @Nullable Integer errorCode, @Nullable String errorDetail, Message.@Nullable Pricing pricing) {

        static Row forward(List<Report> statuses, @Nullable UUID ownId) {
            var target = statuses.getLast().status();
            // A read message was delivered (and sent), even when Meta skipped those webhooks: it may.
            var deliveredAt = statuses.stream().filter(report -> report.status().ordinal() >= MessageStatus.DELIVERED.ordinal())
                    .map(Report::at).findFirst().orElse(null);
            var readAt = statuses.stream().filter(report -> report.status().ordinal() >= MessageStatus.READ.ordinal())
                    .map(Report::at).findFirst().orElse(null);
            var withError = statuses.reversed().stream().filter(report -> report.errorCode() != null).findFirst();
            return new Row(statuses.getLast(), ownId, statuses, target, target.predecessors(), true, statuses.getFirst().at(),
                    deliveredAt, readAt, null, withError.map(Report::errorCode).orElse(null),
                    withError.map(Report::errorDetail).orElse(null), pricing(statuses));
        }

        static Row failure(Report failed, @Nullable UUID ownId) {
            return new Row(failed, ownId, List.of(failed), MessageStatus.FAILED, MessageStatus.FAILED.predecessors(), false,
                    null, null, null, failed.at(), failed.errorCode(), failed.errorDetail(), failed.pricing());
        }

        /** Each field of the last status that reported it, as noting them one by one would leave them. */
        private static Message.@Nullable Pricing pricing(List<Report> statuses) {
            var reported = statuses.stream().map(Report::pricing).filter(Objects::nonNull).toList();
            if (reported.isEmpty()) {
                return null;
            }
            return new Message.Pricing(last(reported, Message.Pricing::category), last(reported, Message.Pricing::model),
                    last(reported, Message.Pricing::billable), last(reported, Message.Pricing::conversationId),
                    last(reported, Message.Pricing::conversationCategory));
        }

        private static <T> @Nullable T last(List<Message.Pricing> reported,
                java.util.function.Function<Message.Pricing, T> field) {
            return reported.reversed().stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    private Applied run(List<Row> rows) {
        if (rows.isEmpty()) {
            return new Applied(List.of(), List.of());
        }
        var size = rows.size();
        var n = new String[size];
        var workspace = new String[size];
        var wamid = new String[size];
        var ownId = new String[size];
        var status = new String[size];
        var fromStatuses = new String[size];
        var allowUnknown = new String[size];
        var sentAt = new String[size];
        var deliveredAt = new String[size];
        var readAt = new String[size];
        var failedAt = new String[size];
        var clearFailed = new String[size];
        var errorCode = new String[size];
        var errorDetail = new String[size];
        var hasPricing = new String[size];
        var pricingCategory = new String[size];
        var pricingModel = new String[size];
        var billable = new String[size];
        var conversation = new String[size];
        var conversationCategory = new String[size];
        // Bound in the messages' lock order, each still carrying its place in the batch (n): see MessageLocks.
        var order = java.util.stream.IntStream.range(0, size).boxed()
                .sorted(Comparator.comparing(rows::get, BY_LOCK_ORDER)).toList();
        for (int i = 0; i < size; i++) {
            var row = rows.get(order.get(i));
            var pricing = row.pricing();
            n[i] = String.valueOf(order.get(i));
            workspace[i] = row.last().workspace().value().toString();
            wamid[i] = row.last().wamid();
            ownId[i] = text(row.ownId());
            status[i] = row.target().code();
            fromStatuses[i] = String.join(",", row.from());
            allowUnknown[i] = String.valueOf(row.allowUnknown());
            sentAt[i] = text(row.sentAt());
            deliveredAt[i] = text(row.deliveredAt());
            readAt[i] = text(row.readAt());
            failedAt[i] = text(row.failedAt());
            clearFailed[i] = String.valueOf(row.target() != MessageStatus.FAILED);
            errorCode[i] = text(row.errorCode());
            errorDetail[i] = row.errorDetail();
            hasPricing[i] = String.valueOf(pricing != null);
            pricingCategory[i] = pricing == null ? null : pricing.category();
            pricingModel[i] = pricing == null ? null : pricing.model();
            billable[i] = pricing == null ? null : text(pricing.billable());
            conversation[i] = pricing == null ? null : pricing.conversationId();
            conversationCategory[i] = pricing == null ? null : pricing.conversationCategory();
        }
        var changed = jdbc.sql(APPLY)
                .param("n", n).param("workspace", workspace).param("wamid", wamid).param("ownId", ownId)
                .param("status", status).param("fromStatuses", fromStatuses).param("allowUnknown", allowUnknown)
                .param("sentAt", sentAt).param("deliveredAt", deliveredAt).param("readAt", readAt)
                .param("failedAt", failedAt).param("clearFailed", clearFailed).param("errorCode", errorCode)
                .param("errorDetail", errorDetail).param("hasPricing", hasPricing)
                .param("pricingCategory", pricingCategory).param("pricingModel", pricingModel)
                .param("billable", billable).param("conversation", conversation)
                .param("conversationCategory", conversationCategory).param("unknown", LocalFailure.UNKNOWN_OUTCOME.code())
                .query((rs, i) -> new Changed(rs.getInt("n"), rs.getObject("id", UUID.class),
                        MessageStatus.fromCode(rs.getString("old_status")), MessageStatus.fromCode(rs.getString("new_status")),
                        (Integer) rs.getObject("error_code"), rs.getObject("channel_id", UUID.class),
                        rs.getObject("conversation_id", UUID.class), rs.getBoolean("of_campaign"), rs.getString("priced")))
                .list();
        var transitions = new ArrayList<Transition>();
        changed.stream().filter(Changed::moved).sorted(Comparator.comparingInt(Changed::n)).forEach(moved -> {
            var row = rows.get(moved.n());
            var previous = moved.before();
            for (var report : row.statuses()) {
                // The statuses it passed through in this batch: from where it was, on to where it is now.
                if (report.status() == moved.now() || moved.before() == MessageStatus.FAILED
                        || report.status().ordinal() > moved.before().ordinal()) {
                    transitions.add(new Transition(report.workspace(), moved.id(), report.status(), previous,
                            moved.errorCode(), moved.channel(), moved.conversation(), moved.ofCampaign()));
                    previous = report.status();
                }
            }
        });
        var priced = changed.stream().filter(row -> row.priced() != null).sorted(Comparator.comparingInt(Changed::n))
                .map(row -> new Priced(rows.get(row.n()).last().workspace(), row.id(), row.channel(), row.priced()))
                .toList();
        return new Applied(transitions, priced);
    }

    private record Changed(int n, UUID id, MessageStatus before, MessageStatus now, @Nullable Integer errorCode,
            UUID channel, UUID conversation, boolean ofCampaign, @Nullable String priced) {
        boolean moved() {
            return before != now;
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
