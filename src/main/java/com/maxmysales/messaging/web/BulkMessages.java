package com.maxmysales.messaging.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.maxmysales.messaging.Outbound;
import com.maxmysales.messaging.OutboundRequest;
import com.maxmysales.messaging.OutboundResult;
import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.api.Problems;
import com.maxmysales.shared.WorkspaceId;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/messages/bulk}: each item read and decided as {@code POST /api/v1/messages} reads and decides
 * it, the valid ones queued together ({@link Outbound#queueAll}), and every item's outcome answered in its place.
 */
final class BulkMessages {

    static final int MAX_MESSAGES = 1_000;

    private BulkMessages() {
    }

    static BulkBody queue(Outbound outbound, ReusedKeys reusedKeys, WorkspaceId workspace, JsonNode request) {
        var items = request == null ? null : request.get("messages");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_MESSAGES) {
            throw Refusal.invalid("invalid-bulk", "Invalid bulk request",
                    "the body must be {\"messages\": [...]} with 1 to " + MAX_MESSAGES + " messages");
        }
        var results = new BulkBody.Result[items.size()];
        var requests = new ArrayList<OutboundRequest>();
        var positions = new ArrayList<Integer>();
        var itemsByKey = new java.util.HashMap<String, JsonNode>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var key = item.isObject() && item.path("idempotencyKey").isString() ? item.get("idempotencyKey").asString() : null;
            var earlier = key == null ? null : itemsByKey.putIfAbsent(key, item);
            if (earlier != null && !earlier.equals(item)) {
                // The outbox would answer with the first item's message and send this one nowhere.
                results[i] = BulkBody.Result.of(new Refusal(Refusal.Kind.UNPROCESSABLE, "idempotency-key-reused",
                        "Idempotency key reused", "an earlier item of this request has the key " + key
                        + " with another message; give each message its own key"));
                continue;
            }
            try {
                requests.add(MessageRequests.read(workspace, item, MessageRequests.callersKey(key)));
                positions.add(i);
            } catch (Refusal refused) {
                results[i] = BulkBody.Result.of(refused);
            }
        }
        var started = reusedKeys.now();
        var outcomes = requests.isEmpty() ? List.<OutboundResult>of() : outbound.queueAll(requests);
        var reused = reusedKeys.reused(requests, outcomes.stream()
                .map(outcome -> outcome instanceof OutboundResult.Queued queued ? queued.message() : null).toList(), started);
        for (int i = 0; i < outcomes.size(); i++) {
            var position = positions.get(i);
            var keyReused = reused[i];
            results[position] = switch (outcomes.get(i)) {
                case OutboundResult.Queued queued when keyReused ->
                        BulkBody.Result.of(ReusedKeys.refusal(items.get(position).get("idempotencyKey").asString()));
                case OutboundResult.Queued queued -> BulkBody.Result.queued(queued.message().id());
                case OutboundResult.Refused refused -> BulkBody.Result.of(OutboundProblems.of(refused));
            };
        }
        return new BulkBody(Arrays.asList(results));
    }

    /** One result per message, in the request's order. */
    record BulkBody(List<Result> results) {

        /** {@code status} 202 with the message's {@code id}, or the problem the single endpoint would answer. */
        record Result(int status, UUID id, URI type, String title, String detail) {

            static Result queued(UUID id) {
                return new Result(202, id, null, null, null);
            }

            static Result of(Refusal refusal) {
                return new Result(Problems.status(refusal.kind()).value(), null, Problems.type(refusal.code()),
                        refusal.title(), refusal.detail());
            }
        }
    }
}
