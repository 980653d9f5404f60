package com.maxmysales.campaigns;

import java.util.Locale;
import java.util.Set;

import com.maxmysales.tenancy.OwnerNotices;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.TemplateStatusChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Meta paused or disabled a template: every running campaign that sends it from that account is paused (what waits
 * in the outbox is taken back, Meta would refuse it) and the owner is told why. Resuming is the owner's call once
 * Meta reinstates the template; the launch checks it is approved again.
 */
@Component
class TemplatePauses {

    private static final Set<String> STOPPING = Set.of("PAUSED", "DISABLED");

    private final CampaignRows campaigns;
    private final Campaigns control;
    private final ChannelManagement channels;
    private final OwnerNotices notices;

    TemplatePauses(CampaignRows campaigns, Campaigns control, ChannelManagement channels, OwnerNotices notices) {
        this.campaigns = campaigns;
        this.control = control;
        this.channels = channels;
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(TemplateStatusChanged changed) {
        if (changed.event() == null || !STOPPING.contains(changed.event().toUpperCase(Locale.ROOT))) {
            return;
        }
        var workspace = changed.workspaceId();
        var event = changed.event().toLowerCase(Locale.ROOT);
        for (var running : campaigns.running(workspace, changed.name(), changed.language())) {
            if (!channels.get(workspace, running.channelId()).wabaId().equals(changed.wabaId())) {
                continue;
            }
            var locked = campaigns.lock(workspace, running.id()).orElse(null);
            if (locked == null || locked.status() != CampaignStatus.RUNNING) {
                continue;
            }
            var reason = "Meta " + event + " its template " + changed.name() + " (" + changed.language() + ")";
            control.pause(locked, reason);
            notices.tell(workspace, "campaign-paused:" + running.id(), OwnerNotices.Severity.WARNING,
                    "Campaign \"" + running.name() + "\" paused: Meta " + event + " its template",
                    reason + (changed.reason() == null || "NONE".equalsIgnoreCase(changed.reason()) ? "" : " (" + changed.reason() + ")")
                            + ". Nothing more is sent until you resume it; Meta refuses the template while it is " + event + ".");
        }
    }
}
