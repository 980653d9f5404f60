/**
 * The application shell: the security chains, the page layout every screen renders in, the public site
 * with its cookie banner, the privacy notice and the dashboard.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform :: api",
        "tenancy", "privacy :: notice", "optout" })
@org.jspecify.annotations.NullMarked
package com.maxmysales.web;
