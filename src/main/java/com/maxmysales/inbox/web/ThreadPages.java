package com.maxmysales.inbox.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactDirectory;
import com.maxmysales.inbox.Bubbles;
import com.maxmysales.inbox.Inbox;
import com.maxmysales.inbox.InboxListing;
import com.maxmysales.inbox.InboxViewers;
import com.maxmysales.inbox.CannedResponses;
import com.maxmysales.inbox.ComposerRules;
import com.maxmysales.inbox.ContactPanels;
import com.maxmysales.inbox.Note;
import com.maxmysales.inbox.Notes;
import com.maxmysales.inbox.ThreadAccess;
import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.MediaLibrary;
import com.maxmysales.messaging.Message;
import com.maxmysales.platform.Cursor;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The thread of one conversation: its bubbles (the latest stretch, older ones on scroll, the latest again when a live
 * event names it), the composer and the contact panel. Everyone in the workspace who may read conversations sees it
 * all; an analyst sees types, times and ticks only.
 */
@Controller
class ThreadPages {

    static final int PAGE = 50;
    /** The stretch a live refresh draws again: a thread left open all day stays bounded. */
    static final int SINCE_LIMIT = 500;

    private final ThreadAccess access;
    private final ConversationQueries conversations;
    private final Notes notes;
    private final Bubbles bubbles;
    private final ComposerRules composer;
    private final ContactPanels panels;
    private final CannedResponses canned;
    private final ContactDirectory contacts;
    private final MediaLibrary media;
    private final Inbox inbox;
    private final InboxViewers viewers;
    private final InboxListing listing;

    ThreadPages(ThreadAccess access, ConversationQueries conversations, Notes notes, Bubbles bubbles,
            ComposerRules composer, ContactPanels panels, CannedResponses canned, ContactDirectory contacts,
            MediaLibrary media, Inbox inbox, InboxViewers viewers, InboxListing listing) {
        this.inbox = inbox;
        this.viewers = viewers;
        this.listing = listing;
        this.access = access;
        this.conversations = conversations;
        this.notes = notes;
        this.bubbles = bubbles;
        this.composer = composer;
        this.panels = panels;
        this.canned = canned;
        this.contacts = contacts;
        this.media = media;
    }

    @PersonalDataRead("conversation.read")
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping("/app/inbox/{conversationId}")
    String thread(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            Model model) {
        var refused = (String) model.getAttribute("refused");
        var done = (String) model.getAttribute("done");
        var opened = access.open(user, conversationId);
        var workspace = user.workspaceId();
        var conversation = opened.conversation();
        var viewer = viewers.of(user);
        // Opening the thread is reading it: the unread badge clears and, if the workspace says so, Meta's blue ticks.
        inbox.markRead(viewer, conversationId);
        model.addAttribute("actions", listing.view(viewer, conversationId, "/app/inbox/" + conversationId));
        var page = conversations.messages(workspace, conversationId, null, PAGE);
        var shown = new ArrayList<>(page.items());
        Collections.reverse(shown);
        var from = shown.isEmpty() ? null : shown.getFirst();
        var threadNotes = opened.content() ? notes.of(workspace, conversationId) : notesWithoutText(workspace, conversationId);
        var recentNotes = threadNotes.stream()
                .filter(note -> from == null || page.nextCursor() == null || !note.createdAt().isBefore(from.createdAt()))
                .toList();
        var since = from == null ? new Cursor(Instant.EPOCH, new UUID(0, 0)).encode() : ConversationQueries.cursorOf(from);
        var contact = opened.content() ? contacts.get(workspace, conversation.contactId()) : null;
        var maySend = opened.content() && user.role().allows(Permission.MESSAGES_SEND);
        model.addAttribute("thread", new ThreadPage(conversationId,
                contact == null ? "Conversation" : contact.name() != null ? contact.name()
                        : contact.phone() != null ? contact.phone().e164() : "Customer",
                contact == null || contact.phone() == null ? null : contact.phone().e164(),
                opened.content(), bubbles.of(workspace, shown, recentNotes, opened.content()),
                page.nextCursor() == null ? null : olderUrl(conversationId, page.nextCursor()),
                "/app/inbox/" + conversationId + "/newer?since=" + since,
                maySend ? composer.state(workspace, conversation) : null,
                opened.content() && user.role().allows(Permission.CONTACTS_READ) ? panels.of(workspace, conversation) : null,
                maySend ? canned.list(workspace) : List.of(), refused, done,
                user.role().allows(Permission.PRIVACY_REQUESTS)));
        return "inbox/thread";
    }

    /** The stretch before {@code cursor}, with the trigger that loads the one before it. */
    @PersonalDataRead("conversation.read")
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping("/app/inbox/{conversationId}/older")
    String older(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            @RequestParam String cursor, Model model) {
        var opened = access.open(user, conversationId);
        var workspace = user.workspaceId();
        var before = Cursor.decode(cursor);
        var page = conversations.messages(workspace, conversationId, cursor, PAGE);
        var shown = new ArrayList<>(page.items());
        Collections.reverse(shown);
        var from = shown.isEmpty() ? null : shown.getFirst();
        var threadNotes = opened.content() ? notes.of(workspace, conversationId) : notesWithoutText(workspace, conversationId);
        var stretch = threadNotes.stream()
                .filter(note -> before == null || note.createdAt().isBefore(before.at()))
                .filter(note -> from == null || page.nextCursor() == null || !note.createdAt().isBefore(from.createdAt()))
                .toList();
        model.addAttribute("bubbles", bubbles.of(workspace, shown, stretch, opened.content()));
        model.addAttribute("olderUrl", page.nextCursor() == null ? null : olderUrl(conversationId, page.nextCursor()));
        model.addAttribute("conversationId", conversationId.toString());
        return "inbox/thread-older";
    }

    /** The thread from the first message the page drew on: what the live script swaps in when something changed. */
    @PersonalDataRead("conversation.read")
    @RequiresPermission(Permission.WORKSPACE_VIEW)
    @GetMapping("/app/inbox/{conversationId}/newer")
    String newer(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            @RequestParam String since, Model model) {
        var opened = access.open(user, conversationId);
        var workspace = user.workspaceId();
        var from = Cursor.decode(since);
        List<Message> shown = conversations.messagesSince(workspace, conversationId, since, SINCE_LIMIT);
        var threadNotes = opened.content() ? notes.of(workspace, conversationId) : notesWithoutText(workspace, conversationId);
        var stretch = threadNotes.stream().filter(note -> from == null || !note.createdAt().isBefore(from.at())).toList();
        model.addAttribute("bubbles", bubbles.of(workspace, shown, stretch, opened.content()));
        model.addAttribute("conversationId", conversationId.toString());
        return "inbox/thread-newer";
    }

    /** A file of the conversation, decrypted as it streams; the browser keeps no copy. */
    @PersonalDataRead("media.read")
    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping("/app/inbox/{conversationId}/media/{mediaId}")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal BusinessUserPrincipal user,
            @PathVariable UUID conversationId, @PathVariable UUID mediaId) throws IOException {
        access.open(user, conversationId);
        var content = media.contentOf(user.workspaceId(), conversationId, mediaId);
        var type = MediaType.parseMediaType(content.mimeType());
        // Pictures, sound and video show in the thread; anything else (a document, whatever type a sender claimed) is
        // downloaded, never rendered as a page of our site.
        var shown = List.of("image", "audio", "video").contains(type.getType()) && !"svg+xml".equals(type.getSubtype());
        return ResponseEntity.ok().contentType(type)
                .contentLength(content.size())
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", shown ? "inline" : "attachment")
                .body(new InputStreamResource(content.content().getInputStream()));
    }

    /** An analyst sees that notes were written, and when, but not what they say. */
    private List<Note> notesWithoutText(com.maxmysales.shared.WorkspaceId workspace, UUID conversationId) {
        return notes.of(workspace, conversationId).stream()
                .map(note -> new Note(note.id(), note.conversationId(), null, null, note.createdAt())).toList();
    }

    private static String olderUrl(UUID conversationId, String cursor) {
        return "/app/inbox/" + conversationId + "/older?cursor=" + cursor;
    }
}
