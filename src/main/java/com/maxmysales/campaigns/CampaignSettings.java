package com.maxmysales.campaigns;

import java.time.Duration;
import java.time.LocalTime;

import com.maxmysales.platform.CursorPage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lookahead how far ahead of its number's pace a campaign fills the outbox: rate × this many seconds of
 *                  sends wait there at most, so a pause or a STOP has little to take back and memory stays flat
 * @param feedBatch recipients queued in one transaction at most
 * @param snapshotPage contacts of a launched campaign's audience read and recorded per engine step (the preview reads
 *                     in pages of this size too); each step feeds as well, so sending starts after the first page
 * @param pollInterval how often the engine looks for campaigns to start and feed when nothing woke it
 * @param quietStart and {@code quietEnd}: the default quiet hours, in the workspace's time zone (no marketing
 *                   between them; a window that passes midnight is read as such)
 * @param frequencyCap and {@code frequencyPeriod}: a contact gets at most this many campaign messages per period
 * @param replyWindow a customer's message within this long of a campaign's is counted as its reply
 * @param stopWindow an opt-out within this long of a campaign's message counts in its STOP rate
 */
@ConfigurationProperties("maxmysales.campaigns")
public record CampaignSettings(
        @DefaultValue("PT5S") Duration lookahead,
        @DefaultValue("500") int feedBatch,
        @DefaultValue("500") int snapshotPage,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("09:00") LocalTime quietEnd,
        @DefaultValue("2") int frequencyCap,
        @DefaultValue("P7D") Duration frequencyPeriod,
        @DefaultValue("P3D") Duration replyWindow,
        @DefaultValue("PT48H") Duration stopWindow) {

    public CampaignSettings {
        if (snapshotPage < 1 || snapshotPage > CursorPage.MAX_LIMIT) {
            throw new IllegalArgumentException("maxmysales.campaigns.snapshot-page must be 1 to " + CursorPage.MAX_LIMIT
                    + " (ContactGroups.audience's largest page)");
        }
    }
}
