package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.WhenSandboxEnabled;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Graph request bodies as raw bytes, so that a body that is not JSON is refused in Meta's words
 * (code 100) rather than the platform's problem documents.
 */
@Component
@WhenSandboxEnabled
class GraphJson {

    private final JsonMapper json;

    GraphJson(JsonMapper json) {
        this.json = json;
    }

    JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw GraphError.invalid("The request body is empty: send a JSON object.");
        }
        try {
            var node = json.readTree(body);
            if (!node.isObject()) {
                throw GraphError.invalid("The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw GraphError.invalid("The request body is not valid JSON.");
        }
    }
}
