/**
 * The API of outbound webhook subscriptions and their delivery log.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.integrations.web;
