/**
 * The chatbot: flows (welcome, keywords, intents; menus, questions saved to contact attributes, conditions,
 * actions), a session per conversation in PostgreSQL, the FAQ's answers, hand-off to the team, business hours and
 * an away message; replies in the bot lane as service messages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: outbound",
        "privacy :: crypto", "privacy :: masking", "privacy :: requests", "privacy :: spi", "tenancy", "contacts",
        "messaging", "whatsapp :: message", "knowledge", "inbox", "optout" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.chatbot;
