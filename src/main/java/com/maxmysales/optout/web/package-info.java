/**
 * Opt-out pages ({@code /app/optout}) and API: keywords, emailed requests awaiting review, statistics.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.optout.web;
