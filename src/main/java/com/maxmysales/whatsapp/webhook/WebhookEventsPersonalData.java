package com.maxmysales.whatsapp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.privacy.spi.PurgeCount;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Raw webhook events in erasure and the retention purge. They hold nothing the messages do not, so an
 * access export shows them through the messages; they are erased and purged with them.
 */
@Component
class WebhookEventsPersonalData implements PersonalDataHolder {

    private final WebhookInbox inbox;
    private final HeldWebhookEvents held;

    WebhookEventsPersonalData(WebhookInbox inbox, HeldWebhookEvents held) {
        this.inbox = inbox;
        this.held = held;
    }

    @Override
    public String category() {
        return "raw webhook events";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        return List.of();
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        return inbox.eraseAbout(subject.phones());
    }

    /** A held person's raw events to the holding workspace stay: they are what Meta delivered, the best evidence. */
    @Override
    public PurgeCount purgeUnattributedContent(Instant cutoff, Map<WorkspaceId, Set<PhoneNumber>> heldPeople,
            boolean dryRun) {
        var kept = held.among(cutoff, heldPeople);
        return new PurgeCount(inbox.purgeReceivedBefore(cutoff, kept, dryRun), kept.size());
    }
}
