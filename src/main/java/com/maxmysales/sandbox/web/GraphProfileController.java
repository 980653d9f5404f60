package com.maxmysales.sandbox.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.SandboxProfiles;
import com.maxmysales.sandbox.SandboxRegistry;
import com.maxmysales.sandbox.WhenSandboxEnabled;
import com.maxmysales.sandbox.web.GraphBodies.Success;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /{phone-number-id}/whatsapp_business_profile} of the caller's own sandbox numbers: read as Meta answers
 * ({@code {"data": [{...}]}}), and changed field by field as Meta changes it. Meta's limits are Meta's to check;
 * the sandbox keeps what it is sent.
 */
@RestController
@WhenSandboxEnabled
@RequestMapping(GraphObjectsController.GRAPH + "/{version}/{phoneNumberId}/whatsapp_business_profile")
class GraphProfileController {

    private static final Set<String> FIELDS = Set.of("about", "address", "description", "email", "websites",
            "vertical", "profile_picture_handle");

    private final SandboxRegistry registry;
    private final SandboxProfiles profiles;
    private final GraphJson graphJson;
    private final JsonMapper json;

    GraphProfileController(SandboxRegistry registry, SandboxProfiles profiles, GraphJson graphJson, JsonMapper json) {
        this.registry = registry;
        this.profiles = profiles;
        this.graphJson = graphJson;
        this.json = json;
    }

    @GetMapping
    Map<String, List<ObjectNode>> read(WorkspaceId workspace, @PathVariable String phoneNumberId) {
        return Map.of("data", List.of(stored(workspace, phoneNumberId, "GET")));
    }

    @PostMapping
    Success update(WorkspaceId workspace, @PathVariable String phoneNumberId,
            @RequestBody(required = false) byte[] body) {
        var profile = stored(workspace, phoneNumberId, "POST");
        var changes = graphJson.object(body);
        if (!"whatsapp".equals(changes.path("messaging_product").asString(""))) {
            throw GraphError.missing("messaging_product");
        }
        for (var field : FIELDS) {
            if (changes.has(field)) {
                profile.set(field, changes.get(field));
            }
        }
        profiles.save(workspace, phoneNumberId, json.writeValueAsString(profile));
        return Success.TRUE;
    }

    private ObjectNode stored(WorkspaceId workspace, String phoneNumberId, String method) {
        registry.number(workspace, phoneNumberId).orElseThrow(() -> GraphError.unknownObject(method, phoneNumberId));
        var profile = profiles.find(workspace, phoneNumberId)
                .map(stored -> (ObjectNode) json.readTree(stored))
                .orElseGet(() -> {
                    var empty = json.createObjectNode();
                    empty.put("vertical", "UNDEFINED");
                    return empty;
                });
        profile.put("messaging_product", "whatsapp");
        return profile;
    }
}
