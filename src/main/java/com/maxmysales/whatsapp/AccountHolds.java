package com.maxmysales.whatsapp;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What an {@code account_update} does to a number's hold. A ban (DISABLED_UPDATE with DISABLE) or a deleted account
 * holds everything until Meta reinstates or reconnects it; a restriction of customer-initiated messaging holds
 * everything, of business-initiated messaging what the business starts, until its expiry; a restriction update
 * without either ends a restriction (never a ban). A scheduled disabling, a violation or a verification holds nothing.
 */
final class AccountHolds {

    private AccountHolds() {
    }

    static @Nullable SendingHold after(@Nullable SendingHold current, NumberSignals.AccountUpdate update, Instant at) {
        return switch (update.event()) {
            case "DISABLED_UPDATE" -> switch (Objects.requireNonNullElse(update.banState(), "")) {
                case "DISABLE" -> new SendingHold(SendingHold.Scope.ALL, SendingHold.Cause.BAN,
                        "Meta disabled (banned) this WhatsApp Business Account"
                                + (update.detail() == null ? "." : " (" + update.detail() + ")."), at, null);
                case "REINSTATE" -> lifted(current, SendingHold.Cause.BAN);
                default -> current;
            };
            case "ACCOUNT_DELETED" -> new SendingHold(SendingHold.Scope.ALL, SendingHold.Cause.DELETED,
                    "Meta deleted this WhatsApp Business Account.", at, null);
            case "ACCOUNT_RECONNECTED" -> lifted(lifted(current, SendingHold.Cause.DELETED), SendingHold.Cause.BAN);
            case "ACCOUNT_RESTRICTION" -> restriction(current, update, at);
            default -> current;
        };
    }

    private static @Nullable SendingHold restriction(@Nullable SendingHold current, NumberSignals.AccountUpdate update,
            Instant at) {
        if (current != null && current.cause() != SendingHold.Cause.RESTRICTION) {
            return current;
        }
        SendingHold.Scope scope = null;
        Instant until = null;
        var indefinite = false;
        for (var restriction : update.restrictions()) {
            var holds = switch (restriction.type()) {
                case "RESTRICTED_CUSTOMER_INITIATED_MESSAGING" -> SendingHold.Scope.ALL;
                case "RESTRICTED_BIZ_INITIATED_MESSAGING" -> SendingHold.Scope.BUSINESS_INITIATED;
                default -> null;
            };
            if (holds == null) {
                continue;
            }
            scope = scope == SendingHold.Scope.ALL ? scope : holds;
            if (restriction.expiration() == null) {
                indefinite = true;
            } else if (until == null || restriction.expiration().isAfter(until)) {
                until = restriction.expiration();
            }
        }
        if (scope == null) {
            return null;
        }
        return new SendingHold(scope, SendingHold.Cause.RESTRICTION, scope == SendingHold.Scope.ALL
                ? "Meta restricted all messaging of this WhatsApp Business Account."
                : "Meta restricted the messages this WhatsApp Business Account starts (templates to customers who did "
                        + "not write in the last 24 hours).", at, indefinite ? null : until);
    }

    private static @Nullable SendingHold lifted(@Nullable SendingHold current, SendingHold.Cause cause) {
        return current != null && current.cause() == cause ? null : current;
    }
}
