package com.maxmysales.campaigns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentStatus;
import com.maxmysales.contacts.ContactGroups;
import com.maxmysales.contacts.SegmentFilter;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Reads a campaign's audience page by page and decides, for each contact, whether it gets the message or why not:
 * the same answer for the pre-launch preview and for the snapshot the launch records. Consent is the ledger's,
 * asked once per page; the frequency cap counts the contact's campaign messages of the period.
 */
@Component
class AudienceSnapshot {

    static final int PAGE = 500;

    private final ContactGroups groups;
    private final ConsentLedger consent;
    private final RecipientRows recipients;
    private final WorkspaceCampaignRules rules;
    private final Clock clock;

    AudienceSnapshot(ContactGroups groups, ConsentLedger consent, RecipientRows recipients, WorkspaceCampaignRules rules,
            Clock clock) {
        this.groups = groups;
        this.consent = consent;
        this.recipients = recipients;
        this.rules = rules;
        this.clock = clock;
    }

    /** Hands each page of the audience, decided, to {@code page}, in the audience's order. */
    void read(Campaign campaign, Consumer<List<RecipientRows.Snapshotted>> page) {
        var workspace = campaign.workspaceId();
        var filter = filter(workspace, campaign.audience());
        var rule = rules.of(workspace);
        var phones = new HashSet<String>();
        String cursor = null;
        do {
            var members = groups.audience(workspace, filter, cursor, PAGE);
            cursor = members.nextCursor();
            var ids = members.items().stream().map(member -> member.contact().id()).toList();
            Map<UUID, ConsentStatus> marketing = consent.marketing(workspace, ids);
            var recent = recipients.recentSends(workspace, ids.stream().map(ContactId::value).toList(),
                    clock.instant().minus(rule.frequencyPeriod()), campaign.id());
            var decided = new ArrayList<RecipientRows.Snapshotted>(members.items().size());
            for (var member : members.items()) {
                var contact = member.contact();
                var id = contact.id().value();
                decided.add(new RecipientRows.Snapshotted(contact, exclusion(contact, member.leadRestricted(), phones,
                        marketing.get(id), recent.getOrDefault(id, 0), rule.frequencyCap())));
            }
            page.accept(decided);
        } while (cursor != null);
    }

    private static @org.jspecify.annotations.Nullable Exclusion exclusion(com.maxmysales.contacts.Contact contact, boolean leadRestricted, Set<String> phones,
            @org.jspecify.annotations.Nullable ConsentStatus marketing, int recentSends, int cap) {
        if (contact.phone() == null) {
            return Exclusion.NO_PHONE;
        }
        if (!phones.add(contact.phone().e164())) {
            return Exclusion.DUPLICATE_PHONE;
        }
        if (leadRestricted) {
            return Exclusion.LEAD_RESTRICTED;
        }
        if (com.maxmysales.contacts.Minors.isMinor(contact)) {
            return Exclusion.MINOR;
        }
        if (marketing == ConsentStatus.WITHDRAWN) {
            return Exclusion.OPTED_OUT;
        }
        if (marketing != ConsentStatus.GRANTED) {
            return Exclusion.NO_CONSENT;
        }
        return recentSends >= cap ? Exclusion.FREQUENCY_CAP : null;
    }

    private SegmentFilter filter(WorkspaceId workspace, Audience audience) {
        return switch (audience.kind()) {
            case SEGMENT -> groups.segment(workspace, UUID.fromString(audience.ref())).filter();
            case LIST -> new SegmentFilter(null, null, null, null, null, null, UUID.fromString(audience.ref()), null);
            case TAG -> new SegmentFilter(List.of(audience.ref()), null, null, null, null, null, null, null);
        };
    }
}
