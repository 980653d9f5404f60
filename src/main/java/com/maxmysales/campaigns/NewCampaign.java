package com.maxmysales.campaigns;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a campaign is made of, as written: checked by {@link Campaigns#create}.
 *
 * @param scheduledAt when to start: a time with an offset, or a local date-time read in the workspace's time zone;
 *                    null to start at launch
 * @param channelId the number to send from; null for the workspace's first
 */
public record NewCampaign(@Nullable String name, @Nullable String templateName, @Nullable String templateLanguage,
        @Nullable Audience audience, @Nullable Map<String, Variable> variables, @Nullable String scheduledAt,
        @Nullable UUID channelId) {
}
