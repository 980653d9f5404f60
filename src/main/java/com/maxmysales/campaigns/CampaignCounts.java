package com.maxmysales.campaigns;

/**
 * A campaign's numbers. {@code targeted} are the audience's contacts not excluded; {@code queued} those waiting
 * to be sent (fed or not); {@code sent}, {@code delivered}, {@code read}, {@code replied} count each recipient
 * that got that far (a read message was delivered and sent too), so they form the funnel; {@code optedOut} those
 * who withdrew within the STOP window of its message.
 */
public record CampaignCounts(long targeted, long excluded, long queued, long sent, long delivered, long read,
        long replied, long failed, long withdrawn, long optedOut) {

    public long total() {
        return targeted + excluded;
    }

    /** How many of the targeted are settled one way or the other: the progress bar. */
    public long done() {
        return targeted - queued;
    }
}
