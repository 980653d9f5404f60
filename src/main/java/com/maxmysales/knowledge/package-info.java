/**
 * What the platform knows about a workspace's customers' questions: the FAQ, the intent examples and their
 * classifier, and the bundled sentence-embedding model that answers both offline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api",
        "privacy :: audit", "privacy :: spi", "tenancy" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.knowledge;
