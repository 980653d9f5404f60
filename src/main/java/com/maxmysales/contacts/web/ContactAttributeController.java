package com.maxmysales.contacts.web;

import java.util.Locale;
import java.util.Map;

import com.maxmysales.contacts.AttributeDefinitions;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.CONTACTS_EDIT)
@RestController
@RequestMapping("/api/v1/contacts/attributes")
@Tag(name = "Contacts")
class ContactAttributeController {

    private final AttributeDefinitions definitions;

    ContactAttributeController(AttributeDefinitions definitions) {
        this.definitions = definitions;
    }

    record Definition(String key, String type) {}

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping
    @Operation(summary = "The workspace's custom attributes and their types")
    Map<String, String> list(WorkspaceId workspace) {
        var types = new java.util.LinkedHashMap<String, String>();
        definitions.all(workspace).forEach((key, type) -> types.put(key, type.name().toLowerCase(Locale.ROOT)));
        return types;
    }

    @PostMapping
    @Operation(summary = "Declare a custom attribute: text, number, date (YYYY-MM-DD) or boolean")
    @ApiResponse(responseCode = "201", description = "Defined; answers with every attribute")
    ResponseEntity<Map<String, String>> define(WorkspaceId workspace, @RequestBody Definition body) {
        AttributeDefinitions.Type type;
        try {
            type = AttributeDefinitions.Type.valueOf(String.valueOf(body.type()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-attribute", "Invalid attribute",
                    "type must be text, number, date or boolean");
        }
        definitions.define(workspace, body.key(), type);
        return ResponseEntity.status(HttpStatus.CREATED).body(list(workspace));
    }
}
