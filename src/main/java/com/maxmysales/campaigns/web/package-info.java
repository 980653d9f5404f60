/** The campaigns' pages (list, new, one campaign with its live progress and funnel) and API. */
@org.jspecify.annotations.NullMarked
package com.maxmysales.campaigns.web;
