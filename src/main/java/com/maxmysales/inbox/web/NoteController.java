package com.maxmysales.inbox.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.maxmysales.inbox.Note;
import com.maxmysales.inbox.Notes;
import com.maxmysales.inbox.ThreadAccess;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.ApiKeyPrincipal;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.WorkspaceMember;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/notes")
@Tag(name = "Inbox", description = "Conversations as the team works them")
class NoteController {

    private final ThreadAccess access;
    private final Notes notes;

    NoteController(ThreadAccess access, Notes notes) {
        this.access = access;
        this.notes = notes;
    }

    record NoteRequest(@Nullable String text) {}

    record NoteBody(UUID id, UUID conversationId, @Nullable UUID authorId, @Nullable String text, Instant createdAt) {

        static NoteBody of(Note note) {
            return new NoteBody(note.id(), note.conversationId(), note.authorId(), note.text(), note.createdAt());
        }
    }

    record NoteList(List<NoteBody> items) {}

    @RequiresPermission(Permission.CONVERSATIONS_READ)
    @GetMapping
    @PersonalDataRead("note.read")
    @Operation(summary = "The conversation's internal notes, oldest first")
    NoteList list(@AuthenticationPrincipal WorkspaceMember member, @PathVariable UUID conversationId) {
        access.open(member, conversationId);
        return new NoteList(notes.of(member.workspaceId(), conversationId).stream().map(NoteBody::of).toList());
    }

    @RequiresPermission(Permission.MESSAGES_SEND)
    @PostMapping
    @Operation(summary = "Add an internal note: for the team, never sent to the customer",
            description = "{\"text\"} of 1 to 4,096 characters. The same Idempotency-Key returns the first note.")
    ResponseEntity<NoteBody> add(@AuthenticationPrincipal WorkspaceMember member, @PathVariable UUID conversationId,
            @RequestBody NoteRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        access.open(member, conversationId);
        var author = member instanceof BusinessUserPrincipal user ? user.userId() : null;
        // A key's replay belongs to whoever sent it: another key or person reusing it gets a note of their own.
        var holder = member instanceof ApiKeyPrincipal key ? key.keyId() : author;
        var note = notes.add(member.workspaceId(), conversationId, author, request.text(),
                idempotencyKey == null ? null : "api:" + holder + ":" + idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/conversations/" + conversationId + "/notes"))
                .body(NoteBody.of(note));
    }
}
