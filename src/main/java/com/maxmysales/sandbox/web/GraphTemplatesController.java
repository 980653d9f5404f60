package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.SandboxTemplates;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Cursors;
import com.maxmysales.sandbox.web.GraphBodies.Paging;
import com.maxmysales.sandbox.web.GraphBodies.Success;
import com.maxmysales.sandbox.web.GraphBodies.TemplateInfo;
import com.maxmysales.sandbox.web.GraphBodies.TemplateList;
import com.maxmysales.sandbox.web.GraphBodies.TemplateSubmitted;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@WhenSandboxEnabled
@RequestMapping(GraphObjectsController.GRAPH + "/{version}/{wabaId}/message_templates")
class GraphTemplatesController {

    private final SandboxTemplates templates;
    private final GraphJson json;

    GraphTemplatesController(SandboxTemplates templates, GraphJson json) {
        this.templates = templates;
        this.json = json;
    }

    @GetMapping
    TemplateList list(@PathVariable String wabaId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String status) {
        var found = templates.list(wabaId, name, status).stream().map(TemplateInfo::of).toList();
        return new TemplateList(found, new Paging(new Cursors("MAZDZD", "MAZDZD")));
    }

    @PostMapping
    TemplateSubmitted submit(@PathVariable String wabaId, @RequestBody(required = false) byte[] body) {
        var template = templates.submit(wabaId, json.object(body));
        return new TemplateSubmitted(template.id(), template.status(), template.category());
    }

    @DeleteMapping
    Success delete(@PathVariable String wabaId, @RequestParam(required = false) String name,
            @RequestParam(name = "hsm_id", required = false) String templateId) {
        if (name == null && templateId == null) {
            throw GraphError.missing("name");
        }
        if (templates.delete(wabaId, name, templateId) == 0) {
            throw GraphError.invalid("Message template not found.");
        }
        return Success.TRUE;
    }
}
