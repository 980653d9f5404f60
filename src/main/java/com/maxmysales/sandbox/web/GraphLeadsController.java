package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.SandboxLeads;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Created;
import com.maxmysales.sandbox.web.GraphBodies.Cursors;
import com.maxmysales.sandbox.web.GraphBodies.LeadInfo;
import com.maxmysales.sandbox.web.GraphBodies.LeadList;
import com.maxmysales.sandbox.web.GraphBodies.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A form's leads; one lead by id is answered with the other Graph objects. */
@RestController
@WhenSandboxEnabled
@RequestMapping(GraphObjectsController.GRAPH + "/{version}/{formId}")
class GraphLeadsController {

    private final SandboxLeads leads;
    private final GraphJson json;

    GraphLeadsController(SandboxLeads leads, GraphJson json) {
        this.leads = leads;
        this.json = json;
    }

    @PostMapping("/test_leads")
    Created createTestLead(@PathVariable String formId, @RequestBody(required = false) byte[] body) {
        return new Created(leads.createTestLead(formId, json.object(body)).id());
    }

    @GetMapping("/leads")
    LeadList leads(@PathVariable String formId) {
        return new LeadList(leads.ofForm(formId).stream().map(LeadInfo::of).toList(),
                new Paging(new Cursors("MAZDZD", "MAZDZD")));
    }
}
