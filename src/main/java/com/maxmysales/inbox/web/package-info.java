/**
 * The inbox's pages (the list, the thread with its composer and contact panel, canned responses), its API
 * (conversations, notes, canned responses) and its live event streams.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.inbox.web;
