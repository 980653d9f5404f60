/**
 * Lead pages ({@code /app/leads}) and the API of leads and lead sources.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.leads.web;
