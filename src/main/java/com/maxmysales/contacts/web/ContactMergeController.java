package com.maxmysales.contacts.web;

import java.util.List;
import java.util.UUID;

import com.maxmysales.contacts.ContactMerge;
import com.maxmysales.contacts.ContactMergeUndo;
import com.maxmysales.contacts.ContactMerges;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.CONTACTS_EDIT)
@RestController
@Tag(name = "Contact merges", description = "Contacts found to be one person, merged; each merge can be undone for 30 days")
class ContactMergeController {

    private final ContactMerges merges;
    private final ContactMergeUndo undo;

    ContactMergeController(ContactMerges merges, ContactMergeUndo undo) {
        this.merges = merges;
        this.undo = undo;
    }

    record MergeBody(UUID id, UUID survivorContactId, UUID mergedContactId, java.time.Instant mergedAt,
            java.time.Instant undoUntil) {
        static MergeBody of(ContactMerge merge) {
            return new MergeBody(merge.id(), merge.survivor().value(), merge.absorbed().value(), merge.mergedAt(),
                    merge.undoUntil());
        }
    }

    @GetMapping("/api/v1/contacts/merges")
    @Operation(summary = "Merges that can still be undone, newest first")
    List<MergeBody> list(WorkspaceId workspace) {
        return merges.undoable(workspace).stream().map(MergeBody::of).toList();
    }

    @PostMapping("/api/v1/contacts/merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge", description = "The merged contact comes back under its own id with its "
            + "identities, tags, lists, consent entries, conversations, leads and media; the survivor keeps what it "
            + "had before the merge and what happened to it since.")
    MergeBody undo(WorkspaceId workspace, @PathVariable UUID mergeId) {
        return MergeBody.of(undo.undo(workspace, mergeId));
    }
}
