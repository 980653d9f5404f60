package com.maxmysales.optout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.maxmysales.contacts.ConsentAct;
import com.maxmysales.contacts.ConsentLedger;
import com.maxmysales.contacts.ConsentSource;
import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.contacts.Evidence;
import com.maxmysales.contacts.PhoneNumbers;
import com.maxmysales.contacts.Purpose;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.BlindIndex;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.shared.WorkspaceId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Unsubscribe" emails to the operator (P6): matched to contacts in every workspace by the sender's address
 * and by any phone number in the body, withdrawn at once (marketing and lead follow-up) and confirmed by
 * email; a request that matches nobody waits in the review workspace's queue, its 10-business-day deadline
 * tracked. Each mail is handled once, whatever happens to the mailbox or the node.
 */
@Service
public class EmailOptOuts {

    private static final Logger log = LoggerFactory.getLogger(EmailOptOuts.class);
    static final String SENDER_FIELD = "email_optout_requests.sender";
    static final String EXCERPT_FIELD = "email_optout_requests.excerpt";
    private static final int EXCERPT_CHARS = 2000;

    enum Outcome { NOT_A_REQUEST, SEEN_BEFORE, WITHDRAWN, QUEUED_FOR_REVIEW, LEFT_FOR_OPERATOR }

    /**
     * A request as its workspace sees it.
     *
     * @param businessDaysLeft until the deadline: 0 on the due day, negative when overdue
     */
    public record Request(UUID id, String sender, String excerpt, Instant receivedAt, Instant dueAt, String status,
            int matchedContacts, Instant processedAt, String resolution, Instant confirmationSentAt, int businessDaysLeft) {

        public boolean overdue() {
            return status.equals("open") && businessDaysLeft < 0;
        }

        public boolean nearDue() {
            return status.equals("open") && businessDaysLeft >= 0 && businessDaysLeft <= 3;
        }
    }

    private final EmailRequests requests;
    private final ContactDirectory contacts;
    private final PhoneNumbers phones;
    private final ConsentLedger consent;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final OptOutSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    EmailOptOuts(EmailRequests requests, ContactDirectory contacts, PhoneNumbers phones, ConsentLedger consent,
            FieldCipher cipher, BlindIndex index, OptOutSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.requests = requests;
        this.contacts = contacts;
        this.phones = phones;
        this.consent = consent;
        this.cipher = cipher;
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    Outcome handle(IncomingMail mail) {
        var hash = hash(mail.messageId());
        if (requests.seen(hash)) {
            return Outcome.SEEN_BEFORE;
        }
        if (!mail.asksToUnsubscribe()) {
            return Outcome.NOT_A_REQUEST;
        }
        var due = days().dueAfter(mail.receivedAt(), BusinessDays.EMAIL_OPT_OUT_DAYS);
        var now = clock.instant();
        var matchedAnywhere = false;
        for (var workspace : contacts.workspacesWithContacts()) {
            var matched = matches(workspace, mail);
            if (!matched.isEmpty()) {
                withdraw(workspace, matched, mail, hash);
                store(workspace, mail, hash, due, "done", matched.size(), now, "matched by sender address or phone number");
                processed(workspace, hash, mail.receivedAt(), due, now, true);
                matchedAnywhere = true;
            }
        }
        if (matchedAnywhere) {
            return Outcome.WITHDRAWN;
        }
        if (settings.mail().reviewWorkspace().isBlank()) {
            log.warn("An unsubscribe email matched no contact; it is flagged in the mailbox for the operator "
                    + "(set maxmysales.optout.mail.review-workspace to queue such requests in the app)");
            return Outcome.LEFT_FOR_OPERATOR;
        }
        store(WorkspaceId.of(settings.mail().reviewWorkspace()), mail, hash, due, "open", 0, null, null);
        return Outcome.QUEUED_FOR_REVIEW;
    }

    public List<Request> list(WorkspaceId workspace) {
        var now = clock.instant();
        return requests.list(workspace, 200).stream().map(row -> new Request(row.id(),
                cipher.decrypt(workspace, SENDER_FIELD, row.sender()), cipher.decrypt(workspace, EXCERPT_FIELD, row.excerpt()),
                row.receivedAt(), row.dueAt(), row.status(), row.matchedContacts(), row.processedAt(), row.resolution(),
                row.confirmationSentAt(), days().businessDaysLeft(now, row.dueAt()))).toList();
    }

    /** The reviewer found who the request is about: a phone number (any notation) or an email of a contact. */
    @Transactional
    public void resolve(WorkspaceId workspace, UUID requestId, String phoneOrEmail) {
        var request = openRequest(workspace, requestId);
        var contact = (phoneOrEmail != null && phoneOrEmail.contains("@")
                ? EmailAddress.parse(phoneOrEmail).flatMap(email -> contacts.findByEmail(workspace, email))
                : phones.normalize(workspace, phoneOrEmail).flatMap(phone -> contacts.findByPhone(workspace, phone)))
                .orElseThrow(() -> Refusal.unprocessable("no-such-contact", "No such contact",
                        "no contact of this workspace has that phone number or email"));
        var sender = cipher.decrypt(workspace, SENDER_FIELD, request.sender());
        withdraw(workspace, Set.of(contact), new IncomingMail(null, sender, "Unsubscribe", null, request.receivedAt()),
                request.messageHash());
        requests.settle(workspace, requestId, "done", 1, "matched by a reviewer", clock.instant());
        processed(workspace, request.messageHash(), request.receivedAt(), request.dueAt(), clock.instant(), true);
    }

    /** The request is not about this workspace's contacts, or cannot be acted on; the reason is kept. */
    @Transactional
    public void close(WorkspaceId workspace, UUID requestId, String reason) {
        var request = openRequest(workspace, requestId);
        processed(workspace, request.messageHash(), request.receivedAt(), request.dueAt(), clock.instant(), false);
        requests.settle(workspace, requestId, "closed", 0, reason == null || reason.isBlank() ? "closed by a reviewer" : reason,
                clock.instant());
    }

    List<EmailRequests.Row> awaitingConfirmation() {
        return requests.awaitingConfirmation();
    }

    String senderOf(EmailRequests.Row row) {
        return cipher.decrypt(row.workspace(), SENDER_FIELD, row.sender());
    }

    void confirmed(EmailRequests.Row row) {
        requests.confirmed(row.messageHash(), clock.instant());
    }

    private EmailRequests.Row openRequest(WorkspaceId workspace, UUID requestId) {
        var request = requests.find(workspace, requestId).orElseThrow(() -> Refusal.notFound("email request " + requestId));
        if (!request.status().equals("open")) {
            throw Refusal.conflict("request-settled", "Request already settled",
                    "this request is " + request.status());
        }
        return request;
    }

    private Set<ContactId> matches(WorkspaceId workspace, IncomingMail mail) {
        var found = new LinkedHashSet<ContactId>();
        EmailAddress.parse(mail.from()).flatMap(sender -> contacts.findByEmail(workspace, sender)).ifPresent(found::add);
        for (var phone : PhoneNumber.findIn(mail.body(), phones.defaultRegion(workspace))) {
            contacts.findByPhone(workspace, phone).ifPresent(found::add);
        }
        return found;
    }

    /** For analytics: an opt-out by email (when someone was withdrawn) and the request's time against its deadline. */
    private void processed(WorkspaceId workspace, byte[] hash, Instant receivedAt, Instant dueAt, Instant at,
            boolean withdrawn) {
        var key = "email:" + HexFormat.of().formatHex(hash);
        if (withdrawn) {
            events.publishEvent(new OptOutRecorded(workspace, OptOutChannel.EMAIL, key, at));
        }
        events.publishEvent(new EmailOptOutProcessed(workspace, key, receivedAt, dueAt, at));
    }

    private void withdraw(WorkspaceId workspace, Set<ContactId> matched, IncomingMail mail, byte[] hash) {
        var evidence = Evidence.ofEmail(mail.messageId(), "email from the person: subject " + mail.subject());
        var act = new ConsentAct(ConsentSource.EMAIL, mail.receivedAt(), evidence, "email:" + HexFormat.of().formatHex(hash));
        for (var contact : matched) {
            consent.optOut(workspace, contact, Purpose.BUSINESS_INITIATED, act);
        }
    }

    private void store(WorkspaceId workspace, IncomingMail mail, byte[] hash, Instant due, String status, int matched,
            Instant processedAt, String resolution) {
        var address = EmailAddress.parse(mail.from());
        // A sender that is no address is still shown to the reviewer as it came, but indexes nobody.
        var sender = address.map(EmailAddress::value).orElse(mail.from() == null ? null : mail.from().strip());
        var excerpt = mail.body() == null ? "" : mail.body().length() > EXCERPT_CHARS
                ? mail.body().substring(0, EXCERPT_CHARS) : mail.body();
        requests.insert(new EmailRequests.Row(UUID.randomUUID(), workspace, hash,
                cipher.encrypt(workspace, SENDER_FIELD, sender), cipher.encrypt(workspace, EXCERPT_FIELD, excerpt),
                mail.receivedAt(), due, status, matched, processedAt, resolution, null),
                address.map(email -> index.of(workspace, email)).orElse(null));
    }

    private BusinessDays days() {
        return new BusinessDays(settings.mail().zone(), Set.copyOf(settings.mail().holidays()));
    }

    static byte[] hash(String messageId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
