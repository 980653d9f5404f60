/** The FAQ and intents pages under {@code /app/chatbot} and their API under {@code /api/v1/chatbot}. */
@org.jspecify.annotations.NullMarked
package com.maxmysales.knowledge.web;
