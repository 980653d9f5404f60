package com.maxmysales.whatsapp.web;

import java.time.Instant;

import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.NumberStanding;
import com.maxmysales.whatsapp.SendingHold;

import org.jspecify.annotations.Nullable;

/** A number as its settings pages show it: what Meta last said of it, and when its first webhook came. */
public record NumberView(Channel channel, NumberStanding standing, @Nullable Instant firstWebhookAt) {

    /** {@code active}, {@code paused} (a ban or restriction holds everything) or {@code replies only}. */
    public String sending() {
        var hold = standing.hold();
        return hold == null ? "active" : hold.scope() == SendingHold.Scope.ALL ? "paused" : "replies only";
    }

    /** The name customers see once Meta approved it; until Meta says one, what kind of number it is. */
    public String name() {
        return standing.verifiedName() != null ? standing.verifiedName()
                : channel.sandbox() ? "Sandbox number" : "WhatsApp number";
    }

    public String quality() {
        return standing.qualityFlagged() ? "flagged by Meta"
                : standing.qualityEvent() != null ? standing.qualityEvent().toLowerCase(java.util.Locale.ROOT)
                : "no warning from Meta";
    }
}
