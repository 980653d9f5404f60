/** The chatbot's page (settings, flows: the graph, the step forms, import/export, the test panel) and its API. */
@org.jspecify.annotations.NullMarked
package com.maxmysales.chatbot.web;
