package com.maxmysales.web;

import java.util.List;
import java.util.Map;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceMember;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) as a client sees the API:
 * authorised by a bearer API key, never by a {@code workspace} parameter (the key decides the workspace, so the
 * types our argument resolvers fill in are hidden), with the problem documents each operation answers and an
 * example for each body. docs/api.md explains the same to people.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String API_KEY = "apiKey";
    static final String OPERATOR_TOKEN = "operatorToken";
    static final String PROBLEM = "Problem";

    static {
        // Resolved from the caller's credentials (CurrentWorkspaceResolver), never sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WorkspaceId.class, WorkspaceMember.class)
                // Meta's own objects (a message's content, an ad referral), not Jackson's node API.
                .replaceWithSchema(JsonNode.class, new ObjectSchema().description("a JSON object, as Meta documents it"));
    }

    @Bean
    OpenAPI maxMySalesOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MaxMySales API").version("v1").description("""
                        WhatsApp Business messaging, contacts, leads and privacy for one workspace.

                        **Authorise** with the workspace's API key: `Authorization: Bearer mms_…` (Swagger UI: \
                        "Authorize" → apiKey). The key decides the workspace; no operation takes one. The operator's \
                        `/api/v1/admin/**` operations take the operator token instead.

                        **Errors** are RFC 9457 problem documents (`application/problem+json`) whose `type` is \
                        `urn:maxmysales:problem:<code>`; each operation lists the statuses and codes it answers, \
                        and docs/errors.md lists them all."""))
                // Relative: clients resolve it against where they read the document. Derived from the request,
                // it echoed any Host header a caller sent (and springdoc caches the document).
                .servers(List.of(new Server().url("/").description("this platform")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("mms_…").description("The workspace's API key (shown once when created)"))
                        .addSecuritySchemes(OPERATOR_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The operator token (maxmysales.admin-token)"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    GlobalOperationCustomizer documentedProblems() {
        return new DocumentedProblems();
    }

    @Bean
    GlobalOpenApiCustomizer synthesizedExamples() {
        return new SynthesizedExamples();
    }

    private static ObjectSchema problemSchema() {
        var schema = new ObjectSchema();
        schema.description("An RFC 9457 problem document; extensions (contactId, retryAfterSeconds, …) beside these");
        schema.setProperties(new java.util.LinkedHashMap<>(Map.of(
                "type", new StringSchema().format("uri").example("urn:maxmysales:problem:not-found")
                        .description("urn:maxmysales:problem:<code>, stable: branch on it"),
                "title", new StringSchema().example("Not found"),
                "status", new IntegerSchema().example(404),
                "detail", new StringSchema().example("no contact 7c0d2f6e-… in this workspace"),
                "instance", new StringSchema().example("/api/v1/contacts/7c0d2f6e-…"))));
        schema.setAdditionalProperties(true);
        schema.setRequired(java.util.List.of("type", "title", "status"));
        return schema;
    }
}
