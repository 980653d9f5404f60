package com.maxmysales.leads;

import java.util.List;

import com.maxmysales.tenancy.WorkspaceCreated;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo workspace of a first run gets a Facebook Page on the sandbox with a follow-up rule, so that
 * "Send a test lead" on the lead sources page shows a lead becoming a WhatsApp conversation in seconds.
 */
@Component
@ConditionalOnBooleanProperty(name = "maxmysales.sandbox.enabled", matchIfMissing = true)
class DemoLeadSource {

    private final LeadSources sources;

    DemoLeadSource(LeadSources sources) {
        this.sources = sources;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        if (!created.demo()) {
            return;
        }
        sources.createSandboxMeta(created.workspaceId(), "Demo Facebook Page (sandbox)",
                new FollowUpRule("lead_welcome", "en", List.of(new FollowUpRule.Variable("full_name", "there")), 0,
                        null, List.of(), null));
    }
}
