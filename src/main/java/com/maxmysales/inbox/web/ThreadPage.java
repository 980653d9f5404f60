package com.maxmysales.inbox.web;

import java.util.List;
import java.util.UUID;

import com.maxmysales.inbox.Bubble;
import com.maxmysales.inbox.CannedResponse;
import com.maxmysales.inbox.ComposerState;
import com.maxmysales.inbox.ContactPanel;

import org.jspecify.annotations.Nullable;

/**
 * Everything the thread page draws.
 *
 * @param content the caller sees message content (an analyst does not: no composer, no panel)
 * @param olderUrl where the next older stretch loads from on scroll; null when this is all
 * @param newerUrl the fragment the live script fetches again when an event names this conversation
 * @param composer null for a caller who may not send
 * @param refused why the last send was refused, in words; null when it was not
 * @param done what the last action on the conversation did, in words (e.g. given back to the bot); null for none
 */
public record ThreadPage(UUID conversationId, String title, @Nullable String phone, boolean content,
        List<Bubble> bubbles, @Nullable String olderUrl, String newerUrl, @Nullable ComposerState composer,
        @Nullable ContactPanel panel, List<CannedResponse> canned, @Nullable String refused, @Nullable String done,
        boolean mayErase) {
}
