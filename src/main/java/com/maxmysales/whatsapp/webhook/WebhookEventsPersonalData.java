package com.maxmysales.whatsapp.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    WebhookEventsPersonalData(WebhookInbox inbox) {
        this.inbox = inbox;
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
        return inbox.eraseAbout(subject.phones().stream().map(PhoneNumber::e164).collect(Collectors.toSet()));
    }

    /** Held records keep their messages; the raw copies they were parsed from are not kept for a hold. */
    @Override
    public PurgeCount purgeUnattributedContent(Instant cutoff, boolean dryRun) {
        return new PurgeCount(inbox.purgeReceivedBefore(cutoff, dryRun), 0);
    }
}
