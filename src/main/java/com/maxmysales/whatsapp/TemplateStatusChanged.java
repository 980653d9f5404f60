package com.maxmysales.whatsapp;

import java.time.Instant;

import com.maxmysales.shared.WorkspaceId;

/** Meta reviewed or changed a message template of a WABA connected to this workspace. No personal data. */
public record TemplateStatusChanged(WorkspaceId workspaceId, String wabaId, String templateId, String name,
        String language, String event, String reason, Instant timestamp) {
}
