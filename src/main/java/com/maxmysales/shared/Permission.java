package com.maxmysales.shared;

/**
 * What a caller may do in a workspace: every page under {@code /app} and every operation under
 * {@code /api/v1} declares one with {@link RequiresPermission}, and a role (of a person or an API key) is the
 * set of permissions it grants. The matrix of roles and permissions is {@code tenancy.Role}; docs/roles.md
 * shows it as a table.
 */
public enum Permission {

    /** See the workspace: the dashboard, its name, and accept the privacy notice. Every role. */
    WORKSPACE_VIEW("workspace.view", "see the workspace"),
    /** Change the workspace's name, time zone and the country its phone numbers are read in. Owners and admins. */
    WORKSPACE_MANAGE("workspace.manage", "change the workspace's name, time zone and phone region"),
    /** See who is on the team (names, emails, roles). Every role: agents assign work to each other. */
    MEMBERS_VIEW("members.view", "see the team"),
    /** Invite, revoke invitations, change roles, disable, remove and reset the password of agents and analysts. */
    MEMBERS_MANAGE("members.manage", "manage team members"),
    /** The same for admins, and making someone an admin: the owner's alone. Checked by the team rules. */
    ADMINS_MANAGE("admins.manage", "manage admins"),
    /** Create, list and revoke API keys. */
    API_KEYS_MANAGE("api-keys.manage", "manage API keys"),
    /** Read conversations and their messages, and the media in them. */
    CONVERSATIONS_READ("conversations.read", "read conversations"),
    /** Send messages, mark them read and upload media to send. */
    MESSAGES_SEND("messages.send", "send messages"),
    /** Look contacts up, read them, their consent history, lists and segments. */
    CONTACTS_READ("contacts.read", "read contacts"),
    /** Create and change contacts, their tags, attributes, lists, segments and consent, including opting them out. */
    CONTACTS_EDIT("contacts.edit", "edit contacts and their consent"),
    /** Erase a contact everywhere (irreversible). */
    CONTACTS_ERASE("contacts.erase", "erase contacts"),
    /** Upload and run CSV imports of contacts. */
    CONTACTS_IMPORT("contacts.import", "import contacts"),
    /** Take personal data out in bulk: the contacts CSV export and import error reports. */
    CONTACTS_EXPORT("contacts.export", "export contacts"),
    /** Read leads and their answers. */
    LEADS_READ("leads.read", "read leads"),
    /** Create and change lead sources (their keys are shown once), follow-ups, backfills and test leads. */
    LEAD_SOURCES_MANAGE("lead-sources.manage", "manage lead sources"),
    /** See the connected WhatsApp numbers and their message templates. */
    CHANNELS_VIEW("channels.view", "see WhatsApp numbers"),
    /** Connect WhatsApp numbers. */
    CHANNELS_MANAGE("channels.manage", "connect WhatsApp numbers"),
    /** Write message templates and submit them to Meta for review (seeing them is {@link #CHANNELS_VIEW}). */
    TEMPLATES_MANAGE("templates.manage", "write message templates"),
    /**
     * The sandbox's tools for people: play a customer writing to a sandbox number (a STOP or a START included,
     * so it changes consent) and read its chats in the phone simulator.
     */
    SANDBOX_USE("sandbox.use", "use the sandbox's phone simulator and customers"),
    /**
     * Campaigns: write, preview the audience, launch, pause, resume, cancel, and follow them per recipient (with the
     * recipients' export). Owners and admins: a broadcast speaks for the business, and its recipients are personal data.
     */
    CAMPAIGNS_MANAGE("campaigns.manage", "manage campaigns"),
    /**
     * The FAQ and the intent examples the bot answers and routes with: edit and upload them, see the intent model's
     * quality, and try questions against them (classify, answer). Owners and admins.
     */
    KNOWLEDGE_MANAGE("knowledge.manage", "manage the FAQ and intent examples"),
    /** Subscribe the business's systems to events and read the delivery log. */
    WEBHOOKS_MANAGE("webhooks.manage", "manage outbound webhooks"),
    /** Opt-out keywords and the email "Unsubscribe" requests awaiting an answer. */
    OPTOUT_MANAGE("optout.manage", "manage opt-outs"),
    /** The chatbot: turn it on, business hours, flows (edit, import, export, publish, test), hand a conversation back. */
    CHATBOT_MANAGE("chatbot.manage", "manage the chatbot"),
    /** Retention, legal holds and purges. */
    PRIVACY_MANAGE("privacy.manage", "manage retention, holds and purges"),
    /** Data-principal requests: file, verify, answer, and download an access export. */
    PRIVACY_REQUESTS("privacy.requests", "handle data-principal requests"),
    /** Read the audit log. */
    AUDIT_READ("audit.read", "read the audit log"),
    /**
     * The breach register (record a breach, its affected people and their export, the draft report to the Data
     * Protection Board, the notices) and the disclosure log. Owners and admins.
     */
    PRIVACY_BREACHES("privacy.breaches", "keep the breach register and the disclosure log"),
    /** The compliance report of a period (page, JSON, HTML, PDF). Owners and admins. */
    COMPLIANCE_REPORT("compliance.report", "read the compliance report"),
    /** Aggregate counts without personal data: opt-out and masking statistics. */
    ANALYTICS_VIEW("analytics.view", "see statistics"),
    /**
     * The operator's admin API and pages; held by the operator token only (sent, or typed into the operator's
     * sign-in), never by a workspace role.
     */
    OPERATOR("operator", "use the operator's admin API and pages");

    private final String code;
    private final String description;

    Permission(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** What the permission lets one do, for messages such as "an agent may not export contacts". */
    public String description() {
        return description;
    }

    /** {@code contacts.export}: the name in problem documents and docs/roles.md. */
    public String code() {
        return code;
    }
}
