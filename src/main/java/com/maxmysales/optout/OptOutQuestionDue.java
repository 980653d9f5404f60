package com.maxmysales.optout;

import java.util.UUID;

import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

/**
 * A customer's message was likely, not certainly, an opt-out: they are to be asked, with buttons.
 *
 * @param messageId the customer's message, which the question answers (and its dedupe key)
 * @param language the language the customer wrote in, which the question is asked in
 */
public record OptOutQuestionDue(WorkspaceId workspaceId, ContactId contactId, UUID messageId, UUID channelId,
        String language) {
}
