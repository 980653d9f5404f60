package com.maxmysales.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The team's times, in seconds, read from histograms (so a median is exact to its bucket's resolution), and the
 * backlog. A count or a time over fewer conversations than the threshold is null.
 */
@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
public record TeamReport(LocalDate from, LocalDate to, List<Day> days, List<Agent> agents, Bot bot) {

    /**
     * @param backlog conversations open at the end of the day (carried over from the last day that changed it)
     * @param botConversations conversations the bot answered for the first time that day
     * @param botContained the bot's conversations that ended that day without a person
     * @param botHandedOff the bot's conversations a person took that day (the bot handed off, or the team wrote)
     * @param containmentRate contained / (contained + handed off); null under the threshold
     */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Day(LocalDate date, int opened, int resolved, int backlog, @Nullable Integer responded,
            @Nullable Long firstResponseMedian, @Nullable Long firstResponseP90, @Nullable Long resolutionMedian,
            @Nullable Long resolutionP90, int botConversations, int botContained, int botHandedOff,
            @Nullable Double containmentRate) {}

    /** Bot containment over the range: the same counts summed, and the rate over them. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Bot(int conversations, int contained, int handedOff, @Nullable Double containmentRate) {}

    /** @param agentId a member of the team; null for conversations resolved while nobody had them */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record Agent(@Nullable UUID agentId, @Nullable Integer responded, @Nullable Long firstResponseMedian,
            @Nullable Long firstResponseP90, @Nullable Integer resolved, @Nullable Long resolutionMedian,
            @Nullable Long resolutionP90) {}
}
