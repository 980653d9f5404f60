package com.maxmysales.messaging;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** Message content is encrypted before it is stored and decrypted only for whoever reads it. */
@Component
class MessageCipher {

    private static final String TEXT = "messages.text";
    private static final String PAYLOAD = "messages.payload";

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

    String payloadOf(Messages.Row row) {
        return row.payload() == null ? null : cipher.decrypt(row.workspace(), PAYLOAD, row.payload());
    }

    Message open(Messages.Row row) {
        return new Message(row.id(), row.conversation(), row.channel(), row.contact(), row.direction(), row.type(),
                row.text() == null ? null : cipher.decrypt(row.workspace(), TEXT, row.text()), payloadOf(row),
                row.wamid(), row.replyToWamid(), row.status(), row.errorCode(), row.errorDetail(), row.createdAt(), row.sentAt(),
                row.deliveredAt(), row.readAt(), row.failedAt(),
                row.mediaId(), row.purpose(), row.lane());
    }
}
