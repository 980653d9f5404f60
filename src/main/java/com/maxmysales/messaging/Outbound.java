package com.maxmysales.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.TemplateApprovals;
import com.maxmysales.whatsapp.message.MetaMessageJson;
import com.maxmysales.whatsapp.message.Template;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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
    private final TransactionTemplate savepoint;
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
        // Within the caller's transaction when there is one, on a savepoint: a refusal takes back only what this
        // call wrote (a contact made for the number), never the caller's work. Without one, a transaction of its own.
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.transaction = new TransactionTemplate(transactions);
        this.numbers = new PerTransaction<>(channels::list);
        this.approvals = new PerTransaction<>(key -> templates.of(key.channel(), key.name(), key.language()));
        this.slots = new PerTransaction<>(channel -> {
            outbox.ensureSlot(channel.workspaceId(), channel.id(), channel.messagesPerSecond(), clock.instant());
            return true;
        });
    }

    public OutboundResult queue(OutboundRequest request) {
        return savepoint.execute(status -> {
            var result = decide(request);
            if (result instanceof Refused) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    /**
     * Many messages at once, each decided exactly as {@link #queue} decides it (a refusal takes back only its own
     * writes), in one transaction: one commit for all of them instead of one each, which is most of what queueing
     * costs PostgreSQL. The results are in the requests' order.
     */
    public List<OutboundResult> queueAll(List<OutboundRequest> requests) {
        return transaction.execute(status -> requests.stream().map(this::queue).toList());
    }

    private OutboundResult decide(OutboundRequest request) {
        var workspace = request.workspace();
        if (request.idempotencyKey() != null) {
            var earlier = messages.findByIdempotencyKey(workspace, request.idempotencyKey());
            if (earlier.isPresent()) {
                return new Queued(cipher.open(earlier.get()));
            }
        }
        var channel = channel(workspace, request.channel());
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
        var recipient = recipient(workspace, request.to());
        return recipient.refused() != null ? recipient.refused() : queue(request, channel, recipient.contact());
    }

    private OutboundResult queue(OutboundRequest request, Channel channel, ContactId contact) {
        var workspace = request.workspace();
        var message = request.message();
        var now = clock.instant();
        var windowOpen = conversations.windowOpen(workspace, contact, channel.id(), now);
        if (message.freeForm() && !windowOpen) {
            return Refused.of(RefusalReason.OUTSIDE_WINDOW, "free-form messages may be sent only within 24 hours of the "
                    + "customer's last message; send an approved template instead");
        }
        var purpose = request.purpose().consent();
        var permission = consent.mayContact(workspace, contact, purpose, message.freeForm() && windowOpen);
        if (!permission.allowed()) {
            return new Refused(SendPermission.OPTED_OUT.equals(permission.refusal()) ? RefusalReason.OPTED_OUT : RefusalReason.NO_CONSENT,
                    permission.detail(), new ConsentRefusal(purpose, permission.source(), permission.since()));
        }
        var prepared = MetaMessageJson.write(message);
        var conversation = conversations.openAndNote(workspace, contact, channel.id(), now, now, false);
        var id = UUID.randomUUID();
        var inserted = messages.insert(new Messages.NewMessage(id, workspace, conversation, channel.id(), contact,
                "outbound", prepared.type(), cipher.text(workspace, message.preview()),
                cipher.payload(workspace, prepared.payload()), null, request.replyToWamid(), MessageStatus.QUEUED,
                request.idempotencyKey(), now, purpose, request.lane()));
        if (!inserted) {
            // A concurrent request with the same key won the insert: answer with its message.
            return new Queued(cipher.open(messages.findByIdempotencyKey(workspace, request.idempotencyKey()).orElseThrow()));
        }
        slots.get(channel);
        dispatch.afterCommit();
        return new Queued(cipher.open(messages.find(workspace, id).orElseThrow()));
    }

    /** The contact a message goes to, or why there is none. */
    private record Resolved(ContactId contact, Refused refused) {}

    private Resolved recipient(WorkspaceId workspace, Recipient to) {
        return switch (to) {
            case Recipient.Contact known -> contacts.phoneOf(workspace, known.id()).isPresent()
                    ? new Resolved(known.id(), null)
                    : new Resolved(null, Refused.of(RefusalReason.INVALID_RECIPIENT, "contact " + known.id()
                            + " does not exist in this workspace or has no phone number to send to"));
            case Recipient.Phone phone -> {
                var existing = contacts.findByPhone(workspace, phone.number());
                if (existing.isPresent()) {
                    yield new Resolved(existing.get(), null);
                }
                // A send must not add back a person this business erased (P6); one who writes in again comes back.
                if (personalData.wasErased(workspace, phone.number(), null)) {
                    yield new Resolved(null, Refused.of(RefusalReason.ERASED_PERSON,
                            "this person asked this business to erase them; their number cannot be added again by a send"));
                }
                yield new Resolved(contacts.findOrCreate(workspace, phone.number()), null);
            }
        };
    }

    private Channel channel(WorkspaceId workspace, UUID id) {
        var numbers = this.numbers.get(workspace);
        return id == null ? numbers.stream().findFirst().orElse(null)
                : numbers.stream().filter(number -> number.id().equals(id)).findFirst().orElse(null);
    }
}
