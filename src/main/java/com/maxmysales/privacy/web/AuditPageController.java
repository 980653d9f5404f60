package com.maxmysales.privacy.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.maxmysales.privacy.audit.ActorNames;
import com.maxmysales.privacy.audit.AuditEntry;
import com.maxmysales.privacy.audit.AuditLog;
import com.maxmysales.privacy.audit.AuditQuery;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: owners and admins only, like every page under /app/settings. */
@RequiresPermission(Permission.AUDIT_READ)
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 100;

    private final AuditLog audit;
    private final ObjectProvider<ActorNames> actorNames;

    AuditPageController(AuditLog audit, ObjectProvider<ActorNames> actorNames) {
        this.audit = audit;
        this.actorNames = actorNames;
    }

    @GetMapping("/app/settings/audit")
    String search(WorkspaceId workspace, @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String before, Model model) {
        var query = new AuditQuery(action, actor, subject, from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        var rows = audit.search(workspace, query, AuditController.seqOf(before), PAGE_SIZE + 1);
        var entries = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("entries", entries);
        var names = actorNames.getIfAvailable();
        model.addAttribute("actors", names == null ? Map.of()
                : names.namesOf(workspace, entries.stream().map(AuditEntry::actor).distinct().toList()));
        model.addAttribute("nextBefore", rows.size() > PAGE_SIZE ? Long.toString(rows.get(PAGE_SIZE - 1).seq()) : null);
        model.addAttribute("filters", new AuditFilters(action, actor, subject, from, to));
        return "privacy/audit";
    }
}
