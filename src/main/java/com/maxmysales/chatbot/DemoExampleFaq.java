package com.maxmysales.chatbot;

import com.maxmysales.tenancy.WorkspaceCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo workspace is the shop the example FAQ was written for: its bot answers from it from the start. Every
 * other workspace adopts the examples itself or brings its own FAQ.
 */
@Component
class DemoExampleFaq {

    private final SettingsStore settings;

    DemoExampleFaq(SettingsStore settings) {
        this.settings = settings;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        if (created.demo()) {
            var current = settings.of(created.workspaceId());
            settings.save(created.workspaceId(),
                    new BotSettings(current.enabled(), current.hours(), current.awayMessage(), true));
        }
    }
}
