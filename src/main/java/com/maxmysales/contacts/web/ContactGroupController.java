package com.maxmysales.contacts.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactGroups;
import com.maxmysales.contacts.SegmentFilter;
import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.PersonalDataRead;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.CONTACTS_EDIT)
@RestController
@Tag(name = "Lists and segments", description = "Static lists and dynamic segments of contacts: campaign audiences")
class ContactGroupController {

    private final ContactGroups groups;
    private final ContactBodies contacts;

    ContactGroupController(ContactGroups groups, ContactBodies contacts) {
        this.groups = groups;
        this.contacts = contacts;
    }

    record NewGroup(String name, SegmentFilter filter) {}

    record Members(List<UUID> contactIds) {}

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/api/v1/contact-lists")
    @Operation(summary = "The workspace's static lists")
    List<ContactGroups.Group> lists(WorkspaceId workspace) {
        return groups.lists(workspace);
    }

    @PostMapping("/api/v1/contact-lists")
    @Operation(summary = "Create a static list")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<ContactGroups.Group> createList(WorkspaceId workspace, @RequestBody NewGroup body) {
        var list = groups.createList(workspace, body.name());
        return ResponseEntity.created(URI.create("/api/v1/contact-lists/" + list.id())).body(list);
    }

    @PostMapping("/api/v1/contact-lists/{listId}/members")
    @Operation(summary = "Add contacts to a list")
    @ApiResponse(responseCode = "204", description = "Added")
    ResponseEntity<Void> add(WorkspaceId workspace, @PathVariable UUID listId, @RequestBody Members body) {
        if (body.contactIds() != null && body.contactIds().contains(null)) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "contactIds must be a list of contact ids");
        }
        groups.addToList(workspace, listId, body.contactIds() == null ? null
                : body.contactIds().stream().map(ContactId::new).toList());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/contact-lists/{listId}/members")
    @Operation(summary = "Remove contacts from a list (?contactId=...&contactId=...)")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(WorkspaceId workspace, @PathVariable UUID listId,
            @RequestParam(name = "contactId", required = false) List<UUID> contactIds) {
        groups.removeFromList(workspace, listId, contactIds == null ? List.of() : contactIds.stream().map(ContactId::new).toList());
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/api/v1/contact-lists/{listId}/members")
    @PersonalDataRead("contact.list")
    @Operation(summary = "A list's contacts, newest first")
    CursorPage<ContactController.ContactBody> listMembers(WorkspaceId workspace, @PathVariable UUID listId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return contacts.of(workspace, groups.listMembers(workspace, listId, cursor, limit));
    }

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/api/v1/segments")
    @Operation(summary = "The workspace's dynamic segments and their filters")
    List<ContactGroups.Group> segments(WorkspaceId workspace) {
        return groups.segments(workspace);
    }

    @PostMapping("/api/v1/segments")
    @Operation(summary = "Save a segment: tagsAll / tagsAny / tagsNone, consent {purpose, state}, lastInboundWithin, "
            + "noInboundWithin (ISO durations), list, attributes [{key, op, value}]")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<ContactGroups.Group> createSegment(WorkspaceId workspace, @RequestBody NewGroup body) {
        var segment = groups.createSegment(workspace, body.name(), body.filter());
        return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).body(segment);
    }

    @RequiresPermission(Permission.CONTACTS_READ)
    @GetMapping("/api/v1/segments/{segmentId}/contacts")
    @PersonalDataRead("contact.list")
    @Operation(summary = "The contacts a segment matches now, newest first")
    CursorPage<ContactController.ContactBody> segmentMembers(WorkspaceId workspace, @PathVariable UUID segmentId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return contacts.of(workspace, groups.members(workspace, groups.segment(workspace, segmentId).filter(), cursor, limit));
    }
}
