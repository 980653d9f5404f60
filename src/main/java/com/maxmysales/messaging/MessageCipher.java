package com.maxmysales.messaging;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** Message content is encrypted before it is stored and decrypted only for whoever reads it. */
@Component
class MessageCipher {

    private static final String TEXT = "messages.text";
    private static final String PAYLOAD = "messages.payload";
    private static final String REFERRAL = "messages.referral";
    private static final String EDIT_TEXT = "message_edits.text";
    private static final String EDIT_PAYLOAD = "message_edits.payload";

    private final FieldCipher cipher;

    MessageCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    byte[] text(WorkspaceId workspace, String text) {
        return text == null ? null : cipher.encrypt(workspace, TEXT, text);
    }

    byte[] payload(WorkspaceId workspace, String payload) {
        return payload == null ? null : cipher.encrypt(workspace, PAYLOAD, payload);
    }

    byte[] referral(WorkspaceId workspace, String referral) {
        return referral == null ? null : cipher.encrypt(workspace, REFERRAL, referral);
    }

    /** What a message said before an edit, sealed again for {@code message_edits}. */
    byte[] textBefore(Messages.Row row) {
        return row.text() == null ? null
                : cipher.encrypt(row.workspace(), EDIT_TEXT, cipher.decrypt(row.workspace(), TEXT, row.text()));
    }

    byte[] payloadBefore(Messages.Row row) {
        var payload = payloadOf(row);
        return payload == null ? null : cipher.encrypt(row.workspace(), EDIT_PAYLOAD, payload);
    }

    String editText(WorkspaceId workspace, byte[] text) {
        return text == null ? null : cipher.decrypt(workspace, EDIT_TEXT, text);
    }

    String payloadOf(Messages.Row row) {
        return row.payload() == null ? null : cipher.decrypt(row.workspace(), PAYLOAD, row.payload());
    }

    /** The message as shown: one the customer deleted shows no content. */
    Message open(Messages.Row row) {
        return open(row, row.revokedAt() == null);
    }

    /** @param withContent false: text, payload and referral stay closed (a deleted message, as shown) */
    Message open(Messages.Row row, boolean withContent) {
        var workspace = row.workspace();
        return new Message(row.id(), row.conversation(), row.channel(), row.contact(), row.direction(), row.type(),
                !withContent || row.text() == null ? null : cipher.decrypt(workspace, TEXT, row.text()),
                withContent ? payloadOf(row) : null,
                row.wamid(), row.replyToWamid(), row.status(), row.errorCode(), row.errorDetail(), row.createdAt(), row.sentAt(),
                row.deliveredAt(), row.readAt(), row.failedAt(),
                row.mediaId(), row.purpose(), row.lane(), new Message.Details(row.forwarded(), row.frequentlyForwarded(),
                        row.editedAt(), row.revokedAt(),
                        !withContent || row.referral() == null ? null : cipher.decrypt(workspace, REFERRAL, row.referral()),
                        row.pricing(), "business_app".equals(row.sentFrom())));
    }
}
