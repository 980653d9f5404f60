package com.maxmysales.whatsapp;

import java.security.SecureRandom;

import com.maxmysales.shared.Secret;
import com.maxmysales.tenancy.WorkspaceCreated;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo workspace of a first run gets a number on the built-in sandbox, so it can chat from minute one.
 * Synchronous, inside the demo's own transaction: the demo exists with its number or not at all.
 */
@Component
@ConditionalOnBooleanProperty(name = "maxmysales.sandbox.enabled", matchIfMissing = true)
class SandboxNumberForDemo {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ChannelManagement channels;

    SandboxNumberForDemo(ChannelManagement channels) {
        this.channels = channels;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        if (!created.demo()) {
            return;
        }
        var digits = 100_000_000_000_000L + Math.floorMod(RANDOM.nextLong(), 899_999_999_999_999L);
        channels.connect(created.workspaceId(), new ChannelManagement.Connection(Long.toString(digits),
                Long.toString(digits + 1), "+1 555 010 " + String.format("%04d", digits % 10_000),
                Secret.of("sandbox-token"), null, true));
    }
}
