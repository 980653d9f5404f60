package com.maxmysales.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.contacts.SendPermission;
import com.maxmysales.messaging.OutboundResult.ConsentRefusal;
import com.maxmysales.messaging.OutboundResult.Queued;
import com.maxmysales.messaging.OutboundResult.Refused;
import com.maxmysales.platform.PerTransaction;
import com.maxmysales.privacy.requests.PersonalData;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.TemplateApprovals;
import com.maxmysales.whatsapp.message.MetaMessageJson;
import com.maxmysales.whatsapp.message.PreparedMessage;
import com.maxmysales.whatsapp.message.Template;
import com.maxmysales.whatsapp.message.WhatsAppMessage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the outbox, for the REST API and every module that sends: a typed message in, queued or
 * refused out. A message is queued only if the number, the lane, the template, the recipient, the 24-hour window
 * and the consent ledger all allow it; the dispatcher asks the ledger once more right before Meta is called. The
 * same idempotency key gives back the first message and sends nothing again.
 */
@Service
public class Outbound {

    private final ChannelManagement channels;
    private final TemplateApprovals templates;
    private final ContactDirectory contacts;
    private final PersonalData personalData;
    private final ConsentLedger consent;
    private final Conversations conversations;
    private final Messages messages;
    private final MessageCipher cipher;
    private final Outbox outbox;
    private final DispatchSignal dispatch;
    private final Clock clock;
    private final TransactionTemplate transaction;
    // Read once per transaction, so once per bulk request rather than once per message (they cannot change under it).
    private final PerTransaction<WorkspaceId, List<Channel>> numbers;
    private final PerTransaction<TemplateKey, TemplateApprovals.Approval> approvals;
    private final PerTransaction<Channel, Boolean> slots;

    private record TemplateKey(Channel channel, String name, String language) {}

    Outbound(ChannelManagement channels, TemplateApprovals templates, ContactDirectory contacts, PersonalData personalData,
            ConsentLedger consent, Conversations conversations, Messages messages, MessageCipher cipher, Outbox outbox,
            DispatchSignal dispatch, Clock clock, PlatformTransactionManager transactions) {
        this.channels = channels;
        this.templates = templates;
        this.contacts = contacts;
        this.personalData = personalData;
        this.consent = consent;
        this.conversations = conversations;
        this.messages = messages;
        this.cipher = cipher;
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.clock = clock;
        // Within the caller's transaction when there is one (a refusal writes nothing, so it takes back nothing of
        // the caller's work). Without one, a transaction of its own.
        this.transaction = new TransactionTemplate(transactions);
        this.numbers = new PerTransaction<>(channels::list);
        this.approvals = new PerTransaction<>(key -> templates.of(key.channel(), key.name(), key.language()));
        this.slots = new PerTransaction<>(channel -> {
            outbox.ensureSlot(channel.workspaceId(), channel.id(), channel.messagesPerSecond(), clock.instant());
            return true;
        });
    }

    public OutboundResult queue(OutboundRequest request) {
        return queueAll(List.of(request)).getFirst();
    }

    /**
     * Many messages at once, each decided exactly as {@link #queue} decides it, set-based: whatever their number, a
     * handful of statements (the idempotency keys, the recipients with their erasure, window and consent state, the
     * new contacts, the conversations and the messages, each read or written for all of them at once) and one commit,
     * instead of some ten statements each. Everything is decided before anything is written, so a refusal writes
     * nothing and takes back nothing. The results are in the requests' order.
     */
    public List<OutboundResult> queueAll(List<OutboundRequest> requests) {
        return transaction.execute(status -> {
            var results = new OutboundResult[requests.size()];
            var byWorkspace = new LinkedHashMap<WorkspaceId, List<Integer>>();
            for (int i = 0; i < requests.size(); i++) {
                byWorkspace.computeIfAbsent(requests.get(i).workspace(), workspace -> new ArrayList<>()).add(i);
            }
            byWorkspace.forEach((workspace, positions) -> decide(workspace, positions, requests, results));
            return List.of(results);
        });
    }

    /** A request that passed the checks that need no recipient, on the number it goes from. */
    private record Checked(int position, OutboundRequest request, Channel channel) {}

    /** A request to queue: to a known contact, or to a number to be made a contact ({@code contact} null till then). */
    private record ToQueue(Checked checked, ContactId contact, PhoneNumber newContact) {}

    private void decide(WorkspaceId workspace, List<Integer> positions, List<OutboundRequest> requests,
            OutboundResult[] results) {
        var earlier = messages.findByIdempotencyKeys(workspace, positions.stream().map(i -> requests.get(i).idempotencyKey())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        var checked = new ArrayList<Checked>();
        for (int i : positions) {
            var request = requests.get(i);
            var first = request.idempotencyKey() == null ? null : earlier.get(request.idempotencyKey());
            if (first != null) {
                results[i] = new Queued(cipher.open(first));
                continue;
            }
            var channel = channel(workspace, request.channel());
            var refused = refusedBeforeRecipient(request, channel);
            if (refused != null) {
                results[i] = refused;
            } else {
                checked.add(new Checked(i, request, channel));
            }
        }
        var toQueue = withRecipients(workspace, checked, results);
        if (!toQueue.isEmpty()) {
            insert(workspace, toQueue, results);
        }
    }

    private Refused refusedBeforeRecipient(OutboundRequest request, Channel channel) {
        if (channel == null) {
            return request.channel() == null
                    ? Refused.of(RefusalReason.NO_CHANNEL, "connect a WhatsApp number before sending")
                    : Refused.of(RefusalReason.UNKNOWN_CHANNEL, "channel " + request.channel() + " does not exist in this workspace");
        }
        if (request.lane().before(request.purpose().firstLane())) {
            return Refused.of(RefusalReason.LANE_NOT_ALLOWED, "a " + request.purpose().name().toLowerCase(Locale.ROOT)
                    + " message goes in the " + request.purpose().firstLane().code() + " lane or a later one, not "
                    + request.lane().code());
        }
        if (request.message() instanceof Template template) {
            var approval = approvals.get(new TemplateKey(channel, template.name(), template.language()));
            if (!approval.maySend()) {
                return Refused.of(RefusalReason.TEMPLATE_NOT_APPROVED, "template " + template.name() + " ("
                        + template.language() + ") is " + approval.status() + " at Meta"
                        + (approval.reason() == null ? "" : " (" + approval.reason() + ")")
                        + ": Meta would refuse to send it");
            }
            if (approval.marketing() && !Purpose.BUSINESS_INITIATED.contains(request.purpose().consent())) {
                // Meta delivers and prices it as marketing: sent as "utility" it would reach people who said STOP.
                // A lead's follow-up may use one: its own grant is asked for, and a STOP withdraws that too.
                return Refused.of(RefusalReason.PURPOSE_NOT_ALLOWED, "template " + template.name() + " ("
                        + template.language() + ") is a MARKETING template at Meta: send it with purpose marketing,"
                        + " which needs the recipient's marketing consent and goes in the campaign lane");
            }
        }
        return null;
    }

    /**
     * The recipients of all the checked requests, read at once: the contacts by number (an unknown number checked
     * against the erasures: a send must not add back a person this business erased, P6; one who writes in again comes
     * back), the known contacts' phones, their 24-hour windows and their consent ledger. A number nobody has yet is
     * decided as a contact without conversations or consent entries, and made a contact only once it is queued.
     */
    private List<ToQueue> withRecipients(WorkspaceId workspace, List<Checked> checked, OutboundResult[] results) {
        var phones = checked.stream().map(Checked::request).map(OutboundRequest::to)
                .flatMap(to -> to instanceof Recipient.Phone phone ? Stream.of(phone.number()) : Stream.empty())
                .collect(Collectors.toSet());
        var byPhone = contacts.findAll(workspace, phones);
        var erased = personalData.erasedPhones(workspace, phones.stream().filter(phone -> !byPhone.containsKey(phone)).toList());
        var reachable = contacts.withPhone(workspace, checked.stream().map(Checked::request).map(OutboundRequest::to)
                .flatMap(to -> to instanceof Recipient.Contact known ? Stream.of(known.id()) : Stream.empty()).toList());
        var known = new ArrayList<Conversations.Pair>();
        for (var check : checked) {
            var contact = switch (check.request().to()) {
                case Recipient.Contact to -> to.id();
                case Recipient.Phone to -> byPhone.get(to.number());
            };
            if (contact != null) {
                known.add(new Conversations.Pair(contact, check.channel().id()));
            }
        }
        var lastInbound = conversations.lastInboundAll(workspace, known);
        var permissions = consent.permissions(workspace, known.stream().map(Conversations.Pair::contact).toList());
        var now = clock.instant();
        var toQueue = new ArrayList<ToQueue>();
        for (var check : checked) {
            ContactId contact = null;
            PhoneNumber newContact = null;
            switch (check.request().to()) {
                case Recipient.Contact to -> {
                    if (!reachable.contains(to.id())) {
                        results[check.position()] = Refused.of(RefusalReason.INVALID_RECIPIENT, "contact " + to.id()
                                + " does not exist in this workspace or has no phone number to send to");
                        continue;
                    }
                    contact = to.id();
                }
                case Recipient.Phone to -> {
                    contact = byPhone.get(to.number());
                    if (contact == null && erased.contains(to.number())) {
                        results[check.position()] = Refused.of(RefusalReason.ERASED_PERSON,
                                "this person asked this business to erase them; their number cannot be added again by a send");
                        continue;
                    }
                    newContact = contact == null ? to.number() : null;
                }
            }
            var request = check.request();
            var windowOpen = contact != null
                    && Conversations.windowOpen(lastInbound.get(new Conversations.Pair(contact, check.channel().id())), now);
            if (request.message().freeForm() && !windowOpen) {
                results[check.position()] = Refused.of(RefusalReason.OUTSIDE_WINDOW, "free-form messages may be sent "
                        + "only within 24 hours of the customer's last message; send an approved template instead");
                continue;
            }
            var purpose = request.purpose().consent();
            // A contact still to be made has no ledger entries: decided as one the ledger never heard of.
            var permission = permissions.mayContact(contact != null ? contact : new ContactId(UUID.randomUUID()), purpose,
                    request.message().freeForm() && windowOpen);
            if (!permission.allowed()) {
                results[check.position()] = new Refused(SendPermission.OPTED_OUT.equals(permission.refusal())
                        ? RefusalReason.OPTED_OUT : RefusalReason.NO_CONSENT, permission.detail(),
                        new ConsentRefusal(purpose, permission.source(), permission.since()));
                continue;
            }
            toQueue.add(new ToQueue(check, contact, newContact));
        }
        return toQueue;
    }

    /**
     * Makes the new contacts, opens the conversations and inserts the messages, each in one statement; a message
     * whose idempotency key a concurrent request (or an earlier item of this batch) took answers with that one's.
     */
    private void insert(WorkspaceId workspace, List<ToQueue> toQueue, OutboundResult[] results) {
        var created = contacts.createAll(workspace, toQueue.stream().map(ToQueue::newContact).filter(Objects::nonNull).toList());
        var contactOf = toQueue.stream().map(queued -> queued.contact() != null ? queued.contact()
                : created.get(queued.newContact())).toList();
        // Microseconds, as stored: the message answered is the message read back later.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var pairs = IntStream.range(0, toQueue.size())
                .mapToObj(i -> new Conversations.Pair(contactOf.get(i), toQueue.get(i).checked().channel().id())).toList();
        var open = conversations.openAllForOutbound(workspace, pairs, campaignsOnly(pairs, toQueue), now);
        // A bulk request often sends one message to many: its JSON is written once.
        var prepared = new HashMap<WhatsAppMessage, PreparedMessage>();
        var rows = new ArrayList<Messages.NewMessage>(toQueue.size());
        var answers = new ArrayList<Message>(toQueue.size());
        for (int i = 0; i < toQueue.size(); i++) {
            var request = toQueue.get(i).checked().request();
            var channel = toQueue.get(i).checked().channel().id();
            var contact = contactOf.get(i);
            var message = request.message();
            var json = prepared.computeIfAbsent(message, MetaMessageJson::write);
            var conversation = open.get(new Conversations.Pair(contact, channel));
            var id = UUID.randomUUID();
            var purpose = request.purpose().consent();
            rows.add(new Messages.NewMessage(id, workspace, conversation, channel, contact, "outbound", json.type(),
                    cipher.text(workspace, message.preview()), cipher.payload(workspace, json.payload()), null,
                    request.replyToWamid(), MessageStatus.QUEUED, request.idempotencyKey(), now, purpose, request.lane()));
            answers.add(new Message(id, conversation, channel, contact, "outbound", json.type(), message.preview(),
                    json.payload(), null, request.replyToWamid(), MessageStatus.QUEUED, null, null, now, null, null, null,
                    null, null, purpose, request.lane(), Message.Details.NONE));
        }
        var inserted = messages.insertAll(rows);
        for (int i = 0; i < toQueue.size(); i++) {
            var checked = toQueue.get(i).checked();
            results[checked.position()] = inserted.contains(rows.get(i).id()) ? new Queued(answers.get(i))
                    : new Queued(cipher.open(messages.findByIdempotencyKey(workspace, checked.request().idempotencyKey())
                            .orElseThrow()));
            slots.get(checked.channel());
        }
        if (!inserted.isEmpty()) {
            dispatch.afterCommit();
        }
    }

    /**
     * The conversations only campaign messages of this batch open: one such is made hidden from the inbox at once
     * ({@link CampaignConversations}), instead of made and then marked, a second version of its row per recipient.
     */
    private static Set<Conversations.Pair> campaignsOnly(List<Conversations.Pair> pairs, List<ToQueue> toQueue) {
        var campaigns = new HashSet<Conversations.Pair>();
        var others = new HashSet<Conversations.Pair>();
        for (int i = 0; i < pairs.size(); i++) {
            (toQueue.get(i).checked().request().campaigns() ? campaigns : others).add(pairs.get(i));
        }
        campaigns.removeAll(others);
        return campaigns;
    }

    private Channel channel(WorkspaceId workspace, UUID id) {
        var numbers = this.numbers.get(workspace);
        return id == null ? numbers.stream().findFirst().orElse(null)
                : numbers.stream().filter(number -> number.id().equals(id)).findFirst().orElse(null);
    }
}
