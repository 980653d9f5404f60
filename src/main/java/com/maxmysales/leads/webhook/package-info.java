/**
 * Where ad platforms deliver leads: Google Ads lead form webhooks and Meta's page webhook.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.leads.webhook;
