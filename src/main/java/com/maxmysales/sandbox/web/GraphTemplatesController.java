package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.SandboxTemplates;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Cursors;
import com.maxmysales.sandbox.web.GraphBodies.Paging;
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

/** Message templates of the WhatsApp Business Accounts of the caller's workspace's sandbox numbers only. */
@RestController
@WhenSandboxEnabled
@RequestMapping(GraphObjectsController.GRAPH + "/{version}/{wabaId}/message_templates")
class GraphTemplatesController {

    private final SandboxRegistry registry;
    private final SandboxTemplates templates;
    private final GraphJson json;

    GraphTemplatesController(SandboxRegistry registry, SandboxTemplates templates, GraphJson json) {
        this.registry = registry;
        this.templates = templates;
        this.json = json;
    }

    @GetMapping
    TemplateList list(WorkspaceId workspace, @PathVariable String wabaId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String status) {
        requireOwn(workspace, wabaId, "GET");
        var found = templates.list(wabaId, name, status).stream().map(TemplateInfo::of).toList();
        return new TemplateList(found, new Paging(new Cursors("MAZDZD", "MAZDZD")));
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
