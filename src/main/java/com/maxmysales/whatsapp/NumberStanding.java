package com.maxmysales.whatsapp;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What Meta last told us about a number (its webhooks {@code phone_number_quality_update},
 * {@code phone_number_name_update} and {@code account_update}); every part null until Meta says it.
 *
 * @param qualityEvent Meta's last quality event: FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE, THROUGHPUT_UPGRADE...
 * @param qualityFlagged whether Meta flagged the number's quality as low (and has not unflagged it since)
 * @param messagingLimitTier Meta's tier, e.g. TIER_2K or TIER_UNLIMITED
 * @param dailyRecipientLimit the tier as unique users per moving 24 h outside a customer-service window; null: none known
 * @param nameStatus Meta's decision on the display name asked for: APPROVED, REJECTED, DEFERRED...
 * @param accountEvent the last account update Meta sent for the number's account (VERIFIED_ACCOUNT, ACCOUNT_VIOLATION...)
 * @param hold a ban or restriction holding the number's sending; null when it sends
 */
public record NumberStanding(@Nullable String qualityEvent, boolean qualityFlagged, @Nullable String messagingLimitTier,
        @Nullable Integer dailyRecipientLimit, @Nullable Instant qualityUpdatedAt, @Nullable String verifiedName,
        @Nullable String nameStatus, @Nullable String nameRejectionReason, @Nullable Instant nameUpdatedAt,
        @Nullable String accountEvent, @Nullable String accountDetail, @Nullable Instant accountUpdatedAt,
        @Nullable SendingHold hold) {

    public static final NumberStanding UNKNOWN = new NumberStanding(null, false, null, null, null, null, null, null,
            null, null, null, null, null);

    /** As it stands now: a restriction whose expiry passed holds nothing. */
    public NumberStanding at(Instant now) {
        return hold == null || hold.activeAt(now) ? this : new NumberStanding(qualityEvent, qualityFlagged,
                messagingLimitTier, dailyRecipientLimit, qualityUpdatedAt, verifiedName, nameStatus, nameRejectionReason,
                nameUpdatedAt, accountEvent, accountDetail, accountUpdatedAt, null);
    }
}
