package com.maxmysales.campaigns;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.ContactGroups;
import com.maxmysales.contacts.ContactImport;
import com.maxmysales.contacts.ContactImports;
import com.maxmysales.contacts.ImportSettings;
import com.maxmysales.messaging.QueuedSends;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.TemplateApprovals;
import com.maxmysales.whatsapp.TemplateCatalogue;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Campaigns as people and the API see them: written as drafts, checked (an approved template, an audience that
 * exists, a source for each variable), launched now or at a time, paused, resumed and cancelled. Every change is a
 * move of its status, so a retried call finds it done and answers the same.
 */
@Service
public class Campaigns {

    private final CampaignRows campaigns;
    private final RecipientRows recipients;
    private final AudienceSnapshot snapshot;
    private final ChannelManagement channels;
    private final TemplateApprovals approvals;
    private final TemplateCatalogue templates;
    private final ContactGroups groups;
    private final ContactDirectory contacts;
    private final ContactImports imports;
    private final QueuedSends queued;
    private final WorkspaceManagement workspaces;
    private final CampaignSignal signal;
    private final JsonMapper json;
    private final Clock clock;

    Campaigns(CampaignRows campaigns, RecipientRows recipients, AudienceSnapshot snapshot, ChannelManagement channels,
            TemplateApprovals approvals, TemplateCatalogue templates, ContactGroups groups, ContactDirectory contacts, ContactImports imports,
            QueuedSends queued, WorkspaceManagement workspaces, CampaignSignal signal, JsonMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.snapshot = snapshot;
        this.channels = channels;
        this.approvals = approvals;
        this.templates = templates;
        this.groups = groups;
        this.contacts = contacts;
        this.imports = imports;
        this.queued = queued;
        this.workspaces = workspaces;
        this.signal = signal;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(WorkspaceId workspace, NewCampaign asked) {
        return create(workspace, UUID.randomUUID(), asked);
    }

    private Campaign create(WorkspaceId workspace, UUID id, NewCampaign asked) {
        var name = asked.name() == null ? "" : asked.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw invalid("name must be 1 to 120 characters");
        }
        if (asked.templateName() == null || asked.templateName().isBlank() || asked.templateLanguage() == null
                || asked.templateLanguage().isBlank()) {
            throw invalid("template.name and template.language are required: an approved template of the number");
        }
        var channel = channel(workspace, asked.channelId());
        var templateName = asked.templateName().strip();
        var language = asked.templateLanguage().strip();
        requireApproved(channel, templateName, language);
        var audience = audience(workspace, asked.audience());
        var variables = variables(workspace, channel, templateName, language,
                asked.variables() == null ? Map.of() : asked.variables());
        var scheduledAt = scheduledAt(workspace, asked.scheduledAt());
        var campaign = new Campaign(id, workspace, name, channel.id(), templateName, language, audience,
                variables, CampaignStatus.DRAFT, scheduledAt, null, false, clock.instant(), null, null);
        campaigns.insert(campaign);
        return campaign;
    }

    /**
     * A draft whose audience is a CSV uploaded for it. The file goes through the contacts import as any import does
     * (its size and row limits, streamed, the consent basis recorded with each marketing grant, a report of every
     * refused row); each imported row gets the tag {@code campaign-<8 characters>}, which is the campaign's
     * audience. The import runs after this commits; launching waits for it to complete.
     *
     * @param consentBasis how these people agreed to marketing, recorded for the rows whose file says nothing
     */
    @Transactional
    public Campaign createFromCsv(WorkspaceId workspace, NewCampaign asked, String fileName, java.io.InputStream file,
            @Nullable String consentBasis) {
        if (consentBasis == null || consentBasis.isBlank()) {
            throw invalidAudience("a CSV audience needs its consent basis: how these people agreed to receive marketing"
                    + " (for example 'checkout tick box, 2026'); a row without one is not sent to");
        }
        if (consentBasis.strip().length() > MAX_CONSENT_BASIS) {
            throw invalidAudience("the consent basis is at most " + MAX_CONSENT_BASIS + " characters");
        }
        // The campaign is checked (name, template, variables) before the file is read: a typo in the template's name
        // is told at once, not after a large file was stored. The file itself is refused here if it is no CSV or
        // over the import's limits; its rows are checked one by one by the import after this commits.
        var id = UUID.randomUUID();
        var tag = "campaign-" + id.toString().substring(0, 8);
        var campaign = create(workspace, id, new NewCampaign(asked.name(), asked.templateName(), asked.templateLanguage(),
                new Audience(Audience.Kind.TAG, tag), asked.variables(), asked.scheduledAt(), asked.channelId()));
        var job = imports.upload(workspace, fileName, file);
        imports.start(workspace, job.id(), new ImportSettings(imports.preview(workspace, job.id()).suggested(),
                com.maxmysales.contacts.Purpose.MARKETING.code(), consentBasis.strip(), null, List.of(tag)));
        campaigns.audienceImport(workspace, campaign.id(), job.id());
        return campaign;
    }

    private static final int MAX_CONSENT_BASIS = 500;

    /** The import of a campaign's CSV audience, with its progress and refused rows; empty for any other audience. */
    public java.util.Optional<ContactImport> audienceImport(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return campaigns.audienceImport(workspace, id).map(job -> imports.get(workspace, job));
    }

    public Campaign get(WorkspaceId workspace, UUID id) {
        return campaigns.find(workspace, id).orElseThrow(() -> Refusal.notFound("campaign " + id));
    }

    public CursorPage<Campaign> list(WorkspaceId workspace, @Nullable String cursor, @Nullable Integer limit) {
        var size = CursorPage.limit(limit);
        return CursorPage.of(campaigns.page(workspace, com.maxmysales.platform.Cursor.decode(cursor), size), size,
                campaign -> new com.maxmysales.platform.Cursor(campaign.createdAt(), campaign.id()).encode());
    }

    /** The names of these campaigns, by id (for figures kept by id elsewhere); a deleted campaign is left out. */
    public Map<UUID, String> names(WorkspaceId workspace, java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : campaigns.names(workspace, ids);
    }

    public CampaignCounts counts(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return recipients.counts(workspace, id);
    }

    /** The excluded of a launched campaign by reason. */
    public Map<Exclusion, Long> exclusions(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return recipients.exclusions(workspace, id);
    }

    /** Failures by code, with the code in words. */
    public List<Failure> failures(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        var failures = new ArrayList<Failure>();
        recipients.failures(workspace, id).forEach((code, count) -> failures.add(new Failure(code, FailureCodes.words(code), count)));
        return failures;
    }

    public record Failure(int code, String meaning, long count) {}

    /** The recipients in snapshot order; {@code cursor} is the last row's position. */
    public CursorPage<CampaignRecipient> recipients(WorkspaceId workspace, UUID id, @Nullable RecipientStatus status,
            @Nullable String cursor, @Nullable Integer limit) {
        get(workspace, id);
        var size = CursorPage.limit(limit);
        long after;
        try {
            after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("invalid-cursor", "Invalid cursor", "cursor must be a value returned as nextCursor by this endpoint");
        }
        return CursorPage.of(recipients.page(workspace, id, status, after, size), size, row -> Long.toString(row.seq()));
    }

    /** How many messages were sent, delivered and read in each stretch of time from {@code at}: its chart. */
    public record Period(Instant at, long sent, long delivered, long read) {}

    public List<Period> overTime(WorkspaceId workspace, UUID id) {
        get(workspace, id);
        return recipients.overTime(workspace, id).stream()
                .map(bucket -> new Period(bucket.at(), bucket.sent(), bucket.delivered(), bucket.read())).toList();
    }

    /** A recipient as the campaign's page lists it: by name and a phone number with its middle hidden. */
    public record NamedRecipient(CampaignRecipient recipient, @Nullable String name, @Nullable String maskedPhone) {}

    /** The first recipients in send order, each with its contact's name and masked phone (their contacts read at once). */
    public List<NamedRecipient> named(WorkspaceId workspace, UUID id, @Nullable RecipientStatus status, int limit) {
        var rows = recipients(workspace, id, status, null, limit).items();
        var found = contacts.getAll(workspace, rows.stream().map(row -> new com.maxmysales.shared.ContactId(row.contactId())).toList());
        return rows.stream().map(row -> {
            var contact = found.get(row.contactId());
            return new NamedRecipient(row, contact == null ? null : contact.name() != null ? contact.name() : contact.whatsAppName(),
                    contact == null || contact.phone() == null ? null : masked(contact.phone().e164()));
        }).toList();
    }

    /** {@code +9198••••4321}: enough to tell two people apart on a screen, not enough to call them from it. */
    static String masked(String e164) {
        var shown = e164.length() >= 11 ? 4 : 2;
        if (e164.length() <= 2 * shown + 1) {
            return "•".repeat(e164.length());
        }
        return e164.substring(0, shown + 1) + "•".repeat(e164.length() - 2 * shown - 1) + e164.substring(e164.length() - shown);
    }

    /**
     * Who would get it and who would not, and why, read from the audience now (before launch), counted by reason.
     *
     * @param sample up to three contacts who would get it, for the personalisation preview
     */
    public record Preview(long recipients, Map<Exclusion, Long> excluded, List<Sample> sample) {}

    /** A contact who would get the campaign and the values its variables would take for them. */
    public record Sample(UUID contactId, @Nullable String name, Map<String, String> values) {}

    public Preview preview(WorkspaceId workspace, UUID id) {
        var campaign = get(workspace, id);
        var counts = new LinkedHashMap<Exclusion, Long>();
        var included = new long[1];
        var sample = new ArrayList<Sample>();
        snapshot.read(campaign, page -> page.forEach(row -> {
            if (row.exclusion() == null) {
                included[0]++;
                if (sample.size() < 3) {
                    var contact = row.contact();
                    sample.add(new Sample(row.id(), contact.name(), Personalisation.preview(campaign, contact)));
                }
            } else {
                counts.merge(row.exclusion(), 1L, Long::sum);
            }
        }));
        var ordered = new LinkedHashMap<Exclusion, Long>();
        for (var reason : Exclusion.values()) {
            if (counts.containsKey(reason)) {
                ordered.put(reason, counts.get(reason));
            }
        }
        return new Preview(included[0], ordered, sample);
    }

    /** Starts it now, or at its time; launching a campaign that runs already answers it as it is. */
    @Transactional
    public Campaign launch(WorkspaceId workspace, UUID id) {
        var campaign = lock(workspace, id);
        if (campaign.status() != CampaignStatus.DRAFT) {
            if (campaign.status() == CampaignStatus.SCHEDULED || campaign.status() == CampaignStatus.RUNNING) {
                return campaign;
            }
            throw notChangeable(campaign, "launched");
        }
        requireApproved(channels.get(workspace, campaign.channelId()), campaign.templateName(), campaign.templateLanguage());
        audienceImport(workspace, id).filter(job -> !"completed".equals(job.status())).ifPresent(job -> {
            throw Refusal.conflict("audience-importing", "Audience still importing",
                    "the campaign's CSV audience is " + job.status() + " (" + job.processedRows() + " of "
                            + job.totalRows() + " rows): launch it once the import has completed");
        });
        var now = clock.instant();
        if (campaign.scheduledAt() != null && campaign.scheduledAt().isAfter(now)) {
            campaigns.status(workspace, id, CampaignStatus.SCHEDULED, null, null, null, null);
        } else {
            campaigns.status(workspace, id, CampaignStatus.RUNNING, null, null, now, null);
        }
        signal.afterCommit();
        return get(workspace, id);
    }

    @Transactional
    public Campaign pause(WorkspaceId workspace, UUID id) {
        var campaign = lock(workspace, id);
        if (campaign.status() == CampaignStatus.PAUSED) {
            return campaign;
        }
        if (campaign.status() != CampaignStatus.RUNNING) {
            throw notChangeable(campaign, "paused");
        }
        pause(campaign, null);
        return get(workspace, id);
    }

    /**
     * Stops feeding and takes back what waits in the outbox (fed again on resume); what is on its way to Meta
     * already goes. Called within a transaction holding the campaign's row.
     */
    void pause(Campaign campaign, @Nullable String reason) {
        var workspace = campaign.workspaceId();
        var withdrawn = withdrawQueued(campaign);
        recipients.backToPending(workspace, withdrawn);
        campaigns.status(workspace, campaign.id(), CampaignStatus.PAUSED, null, reason, null, null);
    }

    @Transactional
    public Campaign resume(WorkspaceId workspace, UUID id) {
        var campaign = lock(workspace, id);
        if (campaign.status() == CampaignStatus.RUNNING) {
            return campaign;
        }
        if (campaign.status() != CampaignStatus.PAUSED) {
            throw notChangeable(campaign, "resumed");
        }
        requireApproved(channels.get(workspace, campaign.channelId()), campaign.templateName(), campaign.templateLanguage());
        campaigns.status(workspace, id, CampaignStatus.RUNNING, null, null, clock.instant(), null);
        signal.afterCommit();
        return get(workspace, id);
    }

    @Transactional
    public Campaign cancel(WorkspaceId workspace, UUID id) {
        var campaign = lock(workspace, id);
        if (campaign.status() == CampaignStatus.CANCELLED) {
            return campaign;
        }
        if (campaign.status() == CampaignStatus.COMPLETED) {
            throw notChangeable(campaign, "cancelled");
        }
        recipients.withdraw(workspace, id, null, withdrawQueued(campaign), null);
        if (campaign.readingAudience()) {
            snapshot.finish(campaign); // the pages not read yet never will be
        }
        campaigns.status(workspace, id, CampaignStatus.CANCELLED, null, campaign.pausedReason(), null, clock.instant());
        return get(workspace, id);
    }

    private List<UUID> withdrawQueued(Campaign campaign) {
        var keys = recipients.queued(campaign.workspaceId(), campaign.id()).stream()
                .map(row -> campaign.keyFor(row.contact())).toList();
        return queued.withdraw(campaign.workspaceId(), keys);
    }

    private Campaign lock(WorkspaceId workspace, UUID id) {
        return campaigns.lock(workspace, id).orElseThrow(() -> Refusal.notFound("campaign " + id));
    }

    private Channel channel(WorkspaceId workspace, @Nullable UUID id) {
        var numbers = channels.list(workspace);
        if (numbers.isEmpty()) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "no-channel", "No WhatsApp number",
                    "connect a WhatsApp number before writing a campaign");
        }
        if (id == null) {
            return numbers.getFirst();
        }
        return numbers.stream().filter(number -> number.id().equals(id)).findFirst()
                .orElseThrow(() -> invalid("channelId " + id + " is not a number of this workspace"));
    }

    private void requireApproved(Channel channel, String name, String language) {
        var approval = approvals.of(channel, name, language);
        if (approval.verdict() != TemplateApprovals.Verdict.APPROVED) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "template-not-approved", "Template not approved",
                    "template " + name + " (" + language + ") is " + (approval.status() == null
                            ? "not known to this number's WhatsApp Business Account" : approval.status() + " at Meta")
                            + ": a campaign sends only a template Meta approved");
        }
    }

    private Audience audience(WorkspaceId workspace, @Nullable Audience audience) {
        if (audience == null || audience.kind() == null || audience.ref() == null || audience.ref().isBlank()) {
            throw invalidAudience("audience needs exactly one of segmentId, listId or tag");
        }
        try {
            switch (audience.kind()) {
                case SEGMENT -> groups.segment(workspace, UUID.fromString(audience.ref()));
                case LIST -> {
                    var list = UUID.fromString(audience.ref());
                    if (groups.lists(workspace).stream().noneMatch(group -> group.id().equals(list))) {
                        throw invalidAudience("list " + list + " does not exist in this workspace");
                    }
                }
                case TAG -> {
                    if (audience.ref().strip().length() > 64) {
                        throw invalidAudience("tag must be at most 64 characters");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw invalidAudience("segmentId and listId are ids");
        } catch (Refusal notFound) {
            if (notFound.kind() != Refusal.Kind.NOT_FOUND) {
                throw notFound;
            }
            throw invalidAudience(audience.kind().code() + " " + audience.ref() + " does not exist in this workspace");
        }
        var ref = audience.kind() == Audience.Kind.TAG ? audience.ref().strip().toLowerCase(java.util.Locale.ROOT) : audience.ref();
        return new Audience(audience.kind(), ref);
    }

    private static final int MAX_VARIABLES = 100;
    private static final int MAX_FIELD = 64;
    private static final int MAX_VALUE = 1_024;

    private static boolean longer(@org.jspecify.annotations.Nullable String text, int limit) {
        return text != null && text.length() > limit;
    }

    private Map<String, Variable> variables(WorkspaceId workspace, Channel channel, String templateName, String language,
            Map<String, Variable> given) {
        var checked = new LinkedHashMap<String, Variable>();
        if (given.size() > MAX_VARIABLES) {
            throw invalid("a template has at most " + MAX_VARIABLES + " variables");
        }
        given.forEach((key, variable) -> {
            if (key.length() > MAX_FIELD || variable != null && (longer(variable.field(), MAX_FIELD)
                    || longer(variable.value(), MAX_VALUE) || longer(variable.fallback(), MAX_VALUE))) {
                // Meta takes a body parameter of at most 1,024 characters: longer is refused there, and only bloats here.
                throw invalid("variables." + (key.length() > MAX_FIELD ? key.substring(0, MAX_FIELD) + "…" : key)
                        + ": a field name is at most " + MAX_FIELD + " characters, a value or fallback at most "
                        + MAX_VALUE);
            }
            if (variable == null || (variable.field() == null) == (variable.value() == null)) {
                throw invalid("variables." + key + " needs either field (with a fallback) or value");
            }
            if (variable.field() != null && (variable.fallback() == null || variable.fallback().isBlank())) {
                throw invalid("variables." + key + " needs a fallback for contacts without " + variable.field()
                        + ": Meta refuses an empty variable");
            }
            if (variable.value() != null && variable.value().isBlank()) {
                throw invalid("variables." + key + ".value must not be empty: Meta refuses an empty variable");
            }
            checked.put(key, variable);
        });
        var template = templates.find(workspace, channel.wabaId(), templateName, language);
        if (template != null && template.components() != null) {
            var asked = asked(template.components());
            checked.forEach((key, variable) -> {
                if (key.startsWith(Personalisation.HEADER + ".") && (variable.value() == null
                        || !variable.value().startsWith("https://"))) {
                    throw invalid("variables." + key + " is the header's image, video or document: a fixed value, "
                            + "an https:// link Meta fetches it from");
                }
            });
            var missing = asked.stream().filter(key -> !checked.containsKey(key)).toList();
            var unknown = checked.keySet().stream().filter(key -> !asked.contains(key)).toList();
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                throw invalid("the template has the variables " + asked + " (body, header, URL buttons); give each a source"
                        + (missing.isEmpty() ? "" : " (missing: " + missing + ")")
                        + (unknown.isEmpty() ? "" : " (not in the template: " + unknown + ")"));
            }
        }
        return checked;
    }

    private @Nullable Instant scheduledAt(WorkspaceId workspace, @Nullable String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(written).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                at = LocalDateTime.parse(written).atZone(workspaces.get(workspace).timeZone()).toInstant();
            } catch (DateTimeException e) {
                throw invalid("scheduledAt must be a date-time such as 2026-12-24T10:00 (the workspace's time zone) "
                        + "or 2026-12-24T10:00+05:30");
            }
        }
        if (!at.isAfter(clock.instant())) {
            throw invalid("scheduledAt must be in the future; leave it out to start at launch");
        }
        return at;
    }

    /**
     * The variables a template asks for, as a campaign's keys: the body's ({@code "1"}, {@code "2"}... or names);
     * {@code header} for a text header with a variable, {@code header.image}, {@code header.video} or
     * {@code header.document} for a media header (its link); {@code button.N} for the URL button at index N whose
     * URL ends with a variable (its suffix).
     */
    private java.util.LinkedHashSet<String> asked(String components) {
        var asked = new java.util.LinkedHashSet<String>();
        json.readTree(components).forEach(component -> {
            var type = component.path("type").asString("");
            if ("BODY".equalsIgnoreCase(type) && component.has("text")) {
                asked.addAll(Personalisation.asked(component.get("text").asString()));
            } else if ("HEADER".equalsIgnoreCase(type)) {
                var format = component.path("format").asString("TEXT").toLowerCase(java.util.Locale.ROOT);
                if (!"text".equals(format)) {
                    asked.add(Personalisation.HEADER + "." + format);
                } else if (!Personalisation.asked(component.path("text").asString("")).isEmpty()) {
                    asked.add(Personalisation.HEADER);
                }
            } else if ("BUTTONS".equalsIgnoreCase(type)) {
                var index = 0;
                for (var button : component.path("buttons")) {
                    if ("URL".equalsIgnoreCase(button.path("type").asString(""))
                            && !Personalisation.asked(button.path("url").asString("")).isEmpty()) {
                        asked.add(Personalisation.BUTTON + "." + index);
                    }
                    index++;
                }
            }
        });
        return asked;
    }

    /** An approved template a campaign may send, with its body and the variables it asks for (body, header, buttons). */
    public record TemplateChoice(String name, String language, String body, List<String> variables) {}

    public List<TemplateChoice> approvedTemplates(WorkspaceId workspace) {
        var choices = new ArrayList<TemplateChoice>();
        for (var template : templates.list(workspace, "APPROVED", null, CursorPage.MAX_LIMIT).items()) {
            var body = new StringBuilder();
            if (template.components() != null) {
                json.readTree(template.components()).forEach(component -> {
                    if ("BODY".equalsIgnoreCase(component.path("type").asString("")) && component.has("text")) {
                        body.append(component.get("text").asString());
                    }
                });
            }
            choices.add(new TemplateChoice(template.name(), template.language(), body.toString(),
                    template.components() == null ? List.of() : List.copyOf(asked(template.components()))));
        }
        return choices;
    }

    /** The audiences a campaign may go to: saved segments and static lists, by id and name. */
    public record AudienceChoice(Audience audience, String name) {}

    public List<AudienceChoice> audiences(WorkspaceId workspace) {
        var choices = new ArrayList<AudienceChoice>();
        groups.segments(workspace).forEach(segment -> choices.add(new AudienceChoice(
                new Audience(Audience.Kind.SEGMENT, segment.id().toString()), "Segment: " + segment.name())));
        groups.lists(workspace).forEach(list -> choices.add(new AudienceChoice(
                new Audience(Audience.Kind.LIST, list.id().toString()), "List: " + list.name())));
        return choices;
    }

    static Refusal invalid(String detail) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-campaign", "Invalid campaign", detail);
    }

    private static Refusal invalidAudience(String detail) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "invalid-audience", "Invalid audience", detail);
    }

    private static Refusal notChangeable(Campaign campaign, String verb) {
        // The page shows the detail as it is: words a business user reads, the campaign named, not its id.
        return Refusal.conflict("campaign-not-changeable", "Campaign cannot change so",
                "\"" + campaign.name() + "\" is " + campaign.status().code().replace('_', ' ')
                        + ", so it cannot be " + verb + ".");
    }
}
