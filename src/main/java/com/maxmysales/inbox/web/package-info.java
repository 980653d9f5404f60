/** The inbox's pages, its API and its live event streams. */
@org.jspecify.annotations.NullMarked
package com.maxmysales.inbox.web;
