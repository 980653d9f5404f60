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
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a campaign's audience page by page and decides, for each contact, whether it gets the message or why not:
 * the same answer for the pre-launch preview and for the snapshot the launch records. Consent is the ledger's,
 * asked once per page; the frequency cap counts the contact's campaign messages of the period.
 */
@Component
class AudienceSnapshot {

    /** A page of the audience, decided, and the cursor of the next one: null after the last. */
    record Page(List<RecipientRows.Snapshotted> rows, @Nullable String next) {}

    private final ContactGroups groups;
    private final ConsentLedger consent;
    private final RecipientRows recipients;
    private final WorkspaceCampaignRules rules;
    private final SnapshotPhones phones;
    private final BlindIndex index;
    private final CampaignSettings settings;
    private final Clock clock;

    AudienceSnapshot(ContactGroups groups, ConsentLedger consent, RecipientRows recipients, WorkspaceCampaignRules rules,
            SnapshotPhones phones, BlindIndex index, CampaignSettings settings, Clock clock) {
        this.groups = groups;
        this.consent = consent;
        this.recipients = recipients;
        this.rules = rules;
        this.phones = phones;
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    /** The preview: hands each page of the audience, decided, to {@code page}, in the audience's order. */
    void read(Campaign campaign, Consumer<List<RecipientRows.Snapshotted>> page) {
        var seen = new HashSet<String>();
        String cursor = null;
        do {
            var next = decide(campaign, cursor, seen);
            page.accept(next.rows());
            cursor = next.next();
        } while (cursor != null);
    }

    /**
     * The snapshot's page after {@code cursor} (null: the first), decided as {@link #read} decides it. The pages are
     * read in separate transactions, so a phone given by an earlier page is found in {@link SnapshotPhones}, where
     * this page's are recorded, rather than in memory: a contact whose phone went to another contact before is a
     * duplicate, as it is in the preview.
     */
    Page next(Campaign campaign, @Nullable String cursor) {
        var page = decide(campaign, cursor, new HashSet<>());
        var workspace = campaign.workspaceId();
        var claims = page.rows().stream()
                .filter(row -> row.exclusion() != Exclusion.DUPLICATE_PHONE && row.contact().phone() != null)
                .map(row -> new SnapshotPhones.Claim(row.id(), index.of(workspace, row.contact().phone())))
                .toList();
        var taken = phones.claim(workspace, campaign.id(), claims);
        if (taken.isEmpty()) {
            return page;
        }
        // A duplicate phone comes before every other reason, as in exclusion().
        return new Page(page.rows().stream().map(row -> taken.contains(row.id())
                ? new RecipientRows.Snapshotted(row.contact(), Exclusion.DUPLICATE_PHONE) : row).toList(), page.next());
    }

    /** Ends a snapshot: read to its end, or its campaign cancelled midway. */
    void finish(Campaign campaign) {
        phones.release(campaign.workspaceId(), campaign.id());
    }

    /** The page after {@code cursor}; {@code phones} holds the numbers given before it, and takes this page's. */
    private Page decide(Campaign campaign, @Nullable String cursor, Set<String> phones) {
        var workspace = campaign.workspaceId();
        var rule = rules.of(workspace);
        var members = groups.audience(workspace, filter(workspace, campaign.audience()), cursor, settings.snapshotPage());
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
        return new Page(decided, members.nextCursor());
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
