package com.maxmysales.web;

import java.util.List;

import com.maxmysales.shared.Permission;

/**
 * One section of the settings index, shown to those whose role holds its permission (the section's own page asks
 * for the same one, so the index never offers a page that answers "not allowed").
 */
public record SettingsSection(String id, String title, String href, String description, Permission permission) {

    static final List<SettingsSection> ALL = List.of(
            new SettingsSection("workspace", "Workspace", "/app/settings/workspace",
                    "Its name, the time zone times are shown in, the country of numbers written without +code.",
                    Permission.WORKSPACE_MANAGE),
            new SettingsSection("numbers", "WhatsApp numbers", "/app/settings/numbers",
                    "Connect a number (a sandbox one in one click), its quality, tier and pace, its business profile.",
                    Permission.CHANNELS_MANAGE),
            new SettingsSection("team", "Team", "/app/settings/team",
                    "Invite people, choose what each may do, disable, remove, reset passwords.",
                    Permission.MEMBERS_MANAGE),
            new SettingsSection("api-keys", "API keys", "/app/settings/api-keys",
                    "Keys for your own systems, each with a role.", Permission.API_KEYS_MANAGE),
            new SettingsSection("webhooks", "Outbound webhooks", "/app/settings/webhooks",
                    "Send events to your systems, and see every delivery.", Permission.WEBHOOKS_MANAGE),
            new SettingsSection("optout-keywords", "Opt-out keywords", "/app/settings/optout-keywords",
                    "The words that opt a customer out or back in, per language.", Permission.OPTOUT_MANAGE),
            new SettingsSection("optouts", "Opt-outs", "/app/optout",
                    "Opt-outs by number and the email unsubscribe requests waiting for you.", Permission.OPTOUT_MANAGE),
            new SettingsSection("privacy", "Privacy and retention", "/app/settings/privacy",
                    "How long data is kept, masking, purges.", Permission.PRIVACY_MANAGE),
            new SettingsSection("legal-holds", "Legal holds", "/app/settings/privacy#legal-holds",
                    "Keep a person's data past its retention while a dispute or inquiry lasts.",
                    Permission.PRIVACY_MANAGE),
            new SettingsSection("privacy-requests", "Privacy requests", "/app/settings/privacy-requests",
                    "Access, correction and erasure requests: file one for a caller, verify, answer.",
                    Permission.PRIVACY_REQUESTS),
            new SettingsSection("breaches", "Breach register", "/app/settings/breaches",
                    "Record a breach, see who it affects, draft the 72-hour report and the notices; the disclosure log.",
                    Permission.PRIVACY_BREACHES),
            new SettingsSection("audit", "Audit log", "/app/settings/audit",
                    "Who did what, when.", Permission.AUDIT_READ));
}
