package com.maxmysales.whatsapp;

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

    private final ChannelManagement channels;

    SandboxNumberForDemo(ChannelManagement channels) {
        this.channels = channels;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        if (created.demo()) {
            channels.connectSandbox(created.workspaceId(), null);
        }
    }
}
