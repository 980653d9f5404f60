/**
 * Analytics: anonymised aggregate tables per workspace and day (messages, failures, pricing categories, the team's
 * response and resolution times, the backlog, leads, opt-outs, intents, campaigns' funnels), fed only by the other
 * modules' events (messages and campaigns in the transaction that publishes them, the rest after it commits), each
 * event counted once; never a table of another module, never text or a contact id (P2, P4).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api",
        "tenancy", "messaging", "inbox", "leads", "optout", "knowledge", "whatsapp", "chatbot", "campaigns" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.analytics;
