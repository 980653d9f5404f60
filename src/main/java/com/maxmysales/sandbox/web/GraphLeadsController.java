package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.SandboxLeads;
import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Created;
import com.maxmysales.sandbox.web.GraphBodies.Cursors;
import com.maxmysales.sandbox.web.GraphBodies.LeadInfo;
import com.maxmysales.sandbox.web.GraphBodies.LeadList;
import com.maxmysales.sandbox.web.GraphBodies.Paging;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A form's leads, of the caller's workspace's sandbox pages only; one lead by id is answered with the other Graph objects. */
@RestController
@WhenSandboxEnabled
@RequestMapping(GraphObjectsController.GRAPH + "/{version}/{formId}")
class GraphLeadsController {

    private final SandboxRegistry registry;
    private final SandboxLeads leads;
    private final GraphJson json;

    GraphLeadsController(SandboxRegistry registry, SandboxLeads leads, GraphJson json) {
        this.registry = registry;
        this.leads = leads;
        this.json = json;
    }

    @PostMapping("/test_leads")
    Created createTestLead(WorkspaceId workspace, @PathVariable String formId,
            @RequestBody(required = false) byte[] body) {
        return new Created(leads.createTestLead(workspace, formId, json.object(body)).id());
    }

    @GetMapping("/leads")
    LeadList leads(WorkspaceId workspace, @PathVariable String formId) {
        registry.pageOfForm(workspace, formId).orElseThrow(() -> GraphError.unknownObject("GET", formId));
        return new LeadList(leads.ofForm(workspace, formId).stream().map(LeadInfo::of).toList(),
                new Paging(new Cursors("MAZDZD", "MAZDZD")));
    }
}
