package com.maxmysales.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Gives every JSON request body and success answer that has no example of its own one built from its schema, so
 * Swagger UI's "Try it out" starts from a plausible request (a phone number in E.164, an id, a date) rather than
 * {@code "string"}. A controller's own {@code @ExampleObject}s win.
 */
final class SynthesizedExamples implements GlobalOpenApiCustomizer {

    private static final int DEPTH = 6;

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                ? Map.of() : openApi.getComponents().getSchemas();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                exemplify(operation.getRequestBody().getContent(), schemas);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        exemplify(response.getContent(), schemas);
                    }
                });
            }
        }));
    }

    private static void exemplify(Content content, Map<String, Schema> schemas) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            var json = type.contains("json") || type.equals("*/*");
            if (json && media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
                    && media.getSchema() != null) {
                var example = example(media.getSchema(), null, schemas, 0);
                if (example != null) {
                    media.setExample(example);
                }
            }
        });
    }

    private static Object example(Schema<?> schema, String name, Map<String, Schema> schemas, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        if (schema.get$ref() != null) {
            return example(schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)), name, schemas,
                    depth + 1);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().getFirst();
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return example(schema.getOneOf().getFirst(), name, schemas, depth + 1);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return example(schema.getAllOf().getFirst(), name, schemas, depth + 1);
        }
        var type = type(schema);
        return switch (type) {
            case "object" -> object(schema, schemas, depth);
            case "array" -> {
                var item = example(schema.getItems(), singular(name), schemas, depth + 1);
                yield item == null ? List.of() : new ArrayList<>(List.of(item));
            }
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().intValue() : 1;
            case "number" -> 0.5;
            case "boolean" -> Boolean.TRUE;
            case "string" -> string(schema.getFormat(), name);
            default -> null;
        };
    }

    private static Object object(Schema<?> schema, Map<String, Schema> schemas, int depth) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return schema.getAdditionalProperties() instanceof Schema<?> values
                    ? Map.of("key", String.valueOf(example(values, "value", schemas, depth + 1))) : Map.of();
        }
        var object = new LinkedHashMap<String, Object>();
        schema.getProperties().forEach((property, value) -> {
            var example = example(value, property, schemas, depth + 1);
            if (example != null) {
                object.put(property, example);
            }
        });
        return object;
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(type -> !"null".equals(type)).findFirst().orElse("null");
        }
        return schema.getProperties() != null ? "object" : "";
    }

    /** Plausible values by format, then by the property's name: what a reader would type. */
    private static String string(String format, String name) {
        if (format != null) {
            switch (format) {
                case "uuid" -> {
                    return "3f6c2a1e-8d4b-4c55-9a0e-6b1f2d7c9e10";
                }
                case "date" -> {
                    return "2026-12-01";
                }
                case "date-time" -> {
                    return "2026-12-01T09:30:00Z";
                }
                case "email" -> {
                    return "asha@example.com";
                }
                case "uri", "url" -> {
                    return "https://example.com/hooks/maxmysales";
                }
                default -> {
                }
            }
        }
        var key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (key.contains("phone") || key.equals("to") || key.equals("from")) {
            return "+919812345678";
        }
        if (key.contains("email")) {
            return "asha@example.com";
        }
        if (key.endsWith("id")) {
            return "3f6c2a1e-8d4b-4c55-9a0e-6b1f2d7c9e10";
        }
        if (key.endsWith("url")) {
            return "https://example.com/hooks/maxmysales";
        }
        if (key.equals("name")) {
            return "Asha Rao";
        }
        if (key.equals("language")) {
            return "en";
        }
        return key.isEmpty() ? "text" : key;
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
