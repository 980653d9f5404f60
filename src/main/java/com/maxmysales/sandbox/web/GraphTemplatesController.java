package com.maxmysales.sandbox.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.SandboxTemplates;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Cursors;
import com.maxmysales.sandbox.web.GraphBodies.TemplatePaging;
import com.maxmysales.sandbox.web.GraphBodies.Success;
import com.maxmysales.sandbox.web.GraphBodies.TemplateInfo;
import com.maxmysales.sandbox.web.GraphBodies.TemplateList;
import com.maxmysales.sandbox.web.GraphBodies.TemplateSubmitted;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Message templates of the WhatsApp Business Accounts of the caller's workspace's sandbox numbers only. */
@RestController
@WhenSandboxEnabled
@RequestMapping(GraphObjectsController.GRAPH + "/{version}/{wabaId}/message_templates")
class GraphTemplatesController {

    private static final int DEFAULT_PAGE = 25;
    private static final int MAX_PAGE = 100;

    private final SandboxRegistry registry;
    private final SandboxTemplates templates;
    private final GraphJson json;

    GraphTemplatesController(SandboxRegistry registry, SandboxTemplates templates, GraphJson json) {
        this.registry = registry;
        this.templates = templates;
        this.json = json;
    }

    /**
     * Pages as Meta's does: {@code limit} (25 by default), the cursors of the first and last template of the page,
     * and {@code next} only when more follow; {@code after} continues from a page's last template.
     */
    @GetMapping
    TemplateList list(WorkspaceId workspace, @PathVariable String wabaId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after, HttpServletRequest request) {
        requireOwn(workspace, wabaId, "GET");
        var all = templates.list(wabaId, name, status);
        var size = limit == null ? DEFAULT_PAGE : Math.max(1, Math.min(limit, MAX_PAGE));
        var from = after == null ? 0 : position(after) + 1;
        var page = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        var found = page.stream().map(TemplateInfo::of).toList();
        if (found.isEmpty()) {
            return new TemplateList(found, new TemplatePaging(new Cursors(null, null), null));
        }
        var last = cursor(from + found.size() - 1);
        var next = from + found.size() < all.size()
                ? ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("after", last).toUriString() : null;
        return new TemplateList(found, new TemplatePaging(new Cursors(cursor(from), last), next));
    }

    private static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(position)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int position(String cursor) {
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw GraphError.invalid("Param after is not a cursor of this list.");
        }
    }

    @PostMapping
    TemplateSubmitted submit(WorkspaceId workspace, @PathVariable String wabaId,
            @RequestBody(required = false) byte[] body) {
        requireOwn(workspace, wabaId, "POST");
        var template = templates.submit(wabaId, json.object(body));
        return new TemplateSubmitted(template.id(), template.status(), template.category());
    }

    @DeleteMapping
    Success delete(WorkspaceId workspace, @PathVariable String wabaId, @RequestParam(required = false) String name,
            @RequestParam(name = "hsm_id", required = false) String templateId) {
        requireOwn(workspace, wabaId, "DELETE");
        if (name == null && templateId == null) {
            throw GraphError.missing("name");
        }
        if (templates.delete(wabaId, name, templateId) == 0) {
            throw GraphError.invalid("Message template not found.");
        }
        return Success.TRUE;
    }

    /** The sandbox announces template reviews by WABA id: it must never announce one for a real account. */
    private void requireOwn(WorkspaceId workspace, String wabaId, String method) {
        registry.numberOfWaba(workspace, wabaId).orElseThrow(() -> GraphError.unknownObject(method, wabaId));
    }
}
