package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.GraphMessages;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.SendResponse;
import com.maxmysales.sandbox.web.GraphBodies.Success;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@WhenSandboxEnabled
class GraphMessagesController {

    private final GraphMessages messages;
    private final GraphJson json;

    GraphMessagesController(GraphMessages messages, GraphJson json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * Answers at once, or, when a timeout is injected, holds the request without holding a thread: the
     * return type is whatever Spring MVC makes of the value, a body or a {@link DeferredResult}.
     */
    @PostMapping(GraphObjectsController.GRAPH + "/{version}/{phoneNumberId}/messages")
    Object send(WorkspaceId workspace, @PathVariable String phoneNumberId, @RequestBody(required = false) byte[] body) {
        var request = json.object(body);
        if ("read".equals(request.path("status").asString(""))) {
            messages.markRead(workspace, phoneNumberId, request);
            return Success.TRUE;
        }
        var accepted = messages.send(workspace, phoneNumberId, request);
        if (accepted.isDone()) {
            return SendResponse.of(accepted.join());
        }
        // No container timeout: outlasting the client is the point of the hold.
        var held = new DeferredResult<SendResponse>(0L);
        accepted.thenAccept(message -> held.setResult(SendResponse.of(message)));
        return held;
    }
}
