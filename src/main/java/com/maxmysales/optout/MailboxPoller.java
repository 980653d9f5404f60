package com.maxmysales.optout;

import java.io.IOException;
import java.time.Clock;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import com.maxmysales.platform.SmtpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the operator's opt-out mailbox over IMAP, hands each new mail to {@link EmailOptOuts} and marks it
 * with a keyword of ours, so no later poll reads it again; the database remembers every mail handled, so
 * even a mailbox that drops our keyword is never processed twice. Then sends the confirmations due, over SMTP.
 * Off while {@code maxmysales.optout.mail.imap-host} is empty.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    /** An IMAP keyword: set on every mail we have read, whatever it was. */
    static final String PROCESSED = "MaxMySalesProcessed";
    private static final int BODY_CHARS = 20_000;

    private final EmailOptOuts optOuts;
    private final OptOutSettings settings;
    private final Clock clock;

    MailboxPoller(EmailOptOuts optOuts, OptOutSettings settings, Clock clock) {
        this.optOuts = optOuts;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${maxmysales.optout.mail.poll-interval:PT1M}",
            initialDelayString = "${maxmysales.optout.mail.poll-interval:PT1M}")
    void scheduled() {
        if (!settings.mail().enabled()) {
            return;
        }
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            log.warn("Polling the opt-out mailbox failed: {}", e.getClass().getName());
        }
    }

    /** @return how many unsubscribe requests were handled */
    int poll() throws MessagingException {
        var mail = settings.mail();
        var handled = 0;
        var session = Session.getInstance(imapProperties(mail));
        try (var store = session.getStore(mail.imapProtocol())) {
            store.connect(mail.imapHost(), mail.imapPort(), mail.username(), mail.password());
            var folder = store.getFolder(mail.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (var message : folder.search(new FlagTerm(new Flags(PROCESSED), false))) {
                    var outcome = optOuts.handle(read(message));
                    if (outcome == EmailOptOuts.Outcome.WITHDRAWN || outcome == EmailOptOuts.Outcome.QUEUED_FOR_REVIEW) {
                        handled++;
                    }
                    if (outcome == EmailOptOuts.Outcome.LEFT_FOR_OPERATOR) {
                        message.setFlag(Flags.Flag.FLAGGED, true);
                    }
                    message.setFlags(new Flags(PROCESSED), true);
                    if (outcome != EmailOptOuts.Outcome.NOT_A_REQUEST) {
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        sendConfirmations();
        return handled;
    }

    /** Also retries confirmations a stopped node or a failed SMTP left unsent. */
    void sendConfirmations() {
        var mail = settings.mail();
        var smtp = smtp(mail);
        for (var request : optOuts.awaitingConfirmation()) {
            var to = optOuts.senderOf(request);
            if (to == null) {
                continue;
            }
            try {
                smtp.send(mail.from().isBlank() ? mail.username() : mail.from(), to, "Re: Unsubscribe", """
                        We received your request to unsubscribe, and it took effect on %s.

                        The businesses on this platform that had your email address or phone number will no longer send
                        you marketing messages or follow-ups. Replies to messages you send them are not affected.
                        To hear from a business again, reply START to it on WhatsApp.
                        """.formatted(request.processedAt() != null ? request.processedAt() : clock.instant()));
                optOuts.confirmed(request);
            } catch (MessagingException | org.springframework.mail.MailException e) {
                log.warn("Sending an unsubscribe confirmation failed; retried at the next poll: {}", e.getClass().getName());
            }
        }
    }

    private static IncomingMail read(Message message) throws MessagingException {
        var from = message.getFrom() != null && message.getFrom().length > 0
                && message.getFrom()[0] instanceof InternetAddress address ? address.getAddress() : null;
        var received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        var ids = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        var subject = message.getSubject();
        var messageId = ids != null ? ids : "no-id:" + from + ":" + received + ":" + subject;
        return new IncomingMail(messageId, from, subject, text(message),
                received == null ? java.time.Instant.EPOCH : received.toInstant());
    }

    /** The plain text of a mail (its HTML with tags removed when there is no plain part), cut to a bounded size. */
    private static String text(Part part) throws MessagingException {
        try {
            if (part.isMimeType("text/plain")) {
                return cut(part.getContent().toString());
            }
            if (part.isMimeType("text/html")) {
                return cut(part.getContent().toString().replaceAll("<[^>]*>", " "));
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    var body = multipart.getBodyPart(i);
                    if (body.isMimeType("text/plain")) {
                        return text(body);
                    }
                    if (html == null && (body.isMimeType("text/html") || body.isMimeType("multipart/*"))) {
                        html = text(body);
                    }
                }
                return html == null ? "" : html;
            }
        } catch (IOException unreadable) {
            return "";
        }
        return "";
    }

    private static String cut(String text) {
        return text.length() > BODY_CHARS ? text.substring(0, BODY_CHARS) : text;
    }

    private static Properties imapProperties(OptOutSettings.Mail mail) {
        var properties = new Properties();
        var prefix = "mail." + mail.imapProtocol() + ".";
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "30000");
        return properties;
    }

    private static SmtpServer smtp(OptOutSettings.Mail mail) {
        return new SmtpServer(mail.smtpHost().isBlank() ? mail.imapHost() : mail.smtpHost(), mail.smtpPort(),
                mail.username(), mail.password(), mail.smtpStarttls());
    }
}
