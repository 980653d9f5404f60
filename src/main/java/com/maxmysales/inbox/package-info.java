/**
 * The team inbox: the state of each conversation for the people who answer it (status, assignee, labels, unread),
 * the round robin of new conversations among the agents online, the thread of one conversation with its composer,
 * internal notes, canned responses and the customer's panel, and the live events every open inbox and the API's
 * event stream receive, on every node (PostgreSQL LISTEN/NOTIFY).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "privacy :: crypto",
        "privacy :: audit", "privacy :: spi", "tenancy", "contacts", "messaging", "whatsapp", "whatsapp :: message" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.inbox;
