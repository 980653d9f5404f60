package com.maxmysales.privacy.web;

import java.time.Instant;

import com.maxmysales.platform.CursorPage;
import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.audit.AuditEntry;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditQuery;
import com.maxmysales.privacy.audit.AuditVerification;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RequiresPermission(Permission.AUDIT_READ)
@RestController
@Tag(name = "Privacy")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditRecord(long seq, Instant occurredAt, String actor, String action, String subject, String detail) {
        static AuditRecord of(AuditEntry entry) {
            return new AuditRecord(entry.seq(), entry.occurredAt(), entry.actor(), entry.action(), entry.subject(),
                    entry.detail());
        }
    }

    @GetMapping("/api/v1/privacy/audit")
    @Operation(summary = "The workspace's audit log, newest first",
            description = "Reads of personal data, exports, erasures, purges and admin actions, as ids and hashes. "
                    + "action matches a prefix (contact. finds contact.read and contact.search); subject a part "
                    + "(a contact id); actor exactly (user:<id>, api-key:<id>, system).")
    CursorPage<AuditRecord> search(WorkspaceId workspace, @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        var size = CursorPage.limit(limit);
        var rows = audit.search(workspace, new AuditQuery(action, actor, subject, from, to), seqOf(cursor), size + 1);
        return CursorPage.of(rows, size, entry -> Long.toString(entry.seq())).map(AuditRecord::of);
    }

    @RequiresPermission(Permission.OPERATOR)
    @PostMapping("/api/v1/admin/audit/verify")
    @Operation(summary = "Check the audit log's hash chain (operator)",
            description = "intact is false, with the first broken row and why, if any row was changed, removed, "
                    + "inserted or reordered. Keep lastHash somewhere else: a later check that still reaches it "
                    + "proves that nothing up to it was rewritten.")
    AuditVerification verify() {
        return audit.verify();
    }

    static Long seqOf(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw Refusal.invalid("invalid-cursor", "Invalid cursor",
                    "cursor must be a value returned as nextCursor by this endpoint");
        }
    }
}
