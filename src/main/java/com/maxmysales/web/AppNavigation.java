package com.maxmysales.web;

import java.util.List;

import com.maxmysales.shared.Permission;

/**
 * The sidebar of the signed-in app. A section is listed here once its pages exist, so that no link leads to a
 * 404; each is shown only to roles that may open it.
 */
public final class AppNavigation {

    /**
     * One link of the sidebar.
     *
     * @param id the element id browser tests click
     * @param prefix the paths under which this section is the current one
     */
    public record Item(String id, String label, String href, String prefix, Permission permission) {

        public boolean current(String path) {
            return path.equals(href) || path.startsWith(prefix + "/");
        }
    }

    static final List<Item> ITEMS = List.of(
            new Item("nav-dashboard", "Dashboard", "/app", "/app/dashboard", Permission.WORKSPACE_VIEW),
            // Analysts too: their inbox shows when conversations came and went, never what they say.
            new Item("nav-inbox", "Inbox", "/app/inbox", "/app/inbox", Permission.WORKSPACE_VIEW),
            new Item("nav-contacts", "Contacts", "/app/contacts", "/app/contacts", Permission.CONTACTS_READ),
            new Item("nav-templates", "Templates", "/app/templates", "/app/templates", Permission.CHANNELS_VIEW),
            new Item("nav-campaigns", "Campaigns", "/app/campaigns", "/app/campaigns", Permission.CAMPAIGNS_MANAGE),
            new Item("nav-leads", "Leads", "/app/leads", "/app/leads", Permission.LEADS_READ),
            new Item("nav-analytics", "Analytics", "/app/analytics", "/app/analytics", Permission.ANALYTICS_VIEW),
            new Item("nav-chatbot", "Chatbot", "/app/chatbot", "/app/chatbot", Permission.CHATBOT_MANAGE),
            new Item("nav-compliance", "Compliance", "/app/compliance", "/app/compliance", Permission.COMPLIANCE_REPORT),
            new Item("nav-settings", "Settings", "/app/settings", "/app/settings", Permission.WORKSPACE_VIEW));

    /** Shown only while the Cloud API sandbox is on: the way to play a customer. */
    static final Item PHONE_SIMULATOR = new Item("nav-phone", "Phone simulator", "/sandbox/phone", "/sandbox/phone",
            Permission.SANDBOX_USE);

    private AppNavigation() {
    }

    static List<Item> forMember(PageContext page) {
        var items = new java.util.ArrayList<Item>();
        for (var item : ITEMS) {
            if (page.may(item.permission())) {
                items.add(item);
            }
        }
        if (page.sandboxEnabled() && page.may(PHONE_SIMULATOR.permission())) {
            items.add(PHONE_SIMULATOR);
        }
        return List.copyOf(items);
    }
}
