package com.maxmysales.campaigns;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a campaign is: draft or scheduled → running ⇄ paused → completed or cancelled. */
public enum CampaignStatus {
    DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED;
    }

    public static Optional<CampaignStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }
}
