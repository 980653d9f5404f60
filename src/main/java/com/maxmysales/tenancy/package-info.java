/**
 * Workspaces, their business users and roles, API keys and sign-up: who may act, and in which workspace.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "privacy :: audit",
        "privacy :: notice", "privacy :: spi" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.tenancy;
