/**
 * The thread page ({@code /app/inbox/{conversationId}}) with its composer and contact panel, the canned responses
 * page, and the API of notes and canned responses.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.inbox.web;
