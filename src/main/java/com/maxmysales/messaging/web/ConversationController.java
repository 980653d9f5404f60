package com.maxmysales.messaging.web;

import java.util.UUID;

import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** A conversation's messages; the list of conversations is the inbox's ({@code inbox.web}). */
@RequiresPermission(Permission.CONVERSATIONS_READ)
@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Conversations with contacts and their messages")
class ConversationController {

    private final ConversationQueries queries;
    private final JsonMapper json;

    ConversationController(ConversationQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/{conversationId}/messages")
    @PersonalDataRead("message.read")
    @Operation(summary = "Messages of a conversation, newest first")
    CursorPage<MessageBody> messages(WorkspaceId workspace, @PathVariable UUID conversationId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return queries.messages(workspace, conversationId, cursor, limit).map(message -> MessageBody.of(message, json));
    }
}
