/**
 * Contact pages ({@code /app/contacts}) and the contacts API, thin over the module's services.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.contacts.web;
