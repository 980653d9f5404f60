/** The analytics page with its charts and exports, and the analytics API. */
@org.jspecify.annotations.NullMarked
package com.maxmysales.analytics.web;
