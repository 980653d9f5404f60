package com.maxmysales.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static com.maxmysales.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document tells the truth a client needs (issue 15): no operation takes the workspace or another value
 * our argument resolvers fill in, each documents the problem documents it answers and takes the bearer key, each
 * JSON body has an example, and what it says of POST /api/v1/messages is what the API does.
 */
@PlatformTest
class ApiReferenceSystemTests {

    private static final List<Class<? extends java.lang.annotation.Annotation>> BOUND_FROM_THE_REQUEST = List.of(
            RequestParam.class, PathVariable.class, RequestHeader.class, RequestBody.class, RequestPart.class,
            ModelAttribute.class, CookieValue.class);

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    Http http;
    JsonNode document;

    @BeforeEach
    void read() {
        http = new Http(port);
        var answer = http.get("/v3/api-docs", null);
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    /** Attack round 4: the server URL was built from the request's Host header, so a forged Host came back in it. */
    @Test
    void theServerUrlIsRelativeWhateverHostTheCallerNames() throws java.io.IOException {
        String raw;
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /v3/api-docs HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(raw).startsWith("HTTP/1.1 200").doesNotContain("attacker.example");
        assertThat(document.get("servers")).hasSize(1);
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/");
    }

    /** Drop the customizer's 401/403/404/400 derivation (DocumentedProblems) → fails: only 200 is documented. */
    @Test
    void everyOperationDocumentsTheProblemDocumentsItAnswers() {
        var undocumented = new ArrayList<String>();
        operations((name, operation) -> {
            var responses = operation.get("responses");
            var errors = responses.propertyNames().stream().filter(status -> status.matches("[45]\\d\\d")).toList();
            if (errors.isEmpty()) {
                undocumented.add(name + ": no error response");
            }
            for (var status : errors) {
                var problem = responses.get(status).path("content").path("application/problem+json");
                if (problem.isMissingNode() || !problem.path("schema").path("$ref").asString().endsWith("/Problem")
                        || problem.path("examples").isEmpty()) {
                    undocumented.add(name + " " + status + ": not a problem document with examples");
                }
                problem.path("examples").forEach(example -> {
                    var type = example.path("value").path("type").asString();
                    if (!type.startsWith("urn:maxmysales:problem:")) {
                        undocumented.add(name + " " + status + ": example type " + type);
                    }
                });
            }
            if (operation.has("security") && !(responses.has("401") && responses.has("403"))) {
                undocumented.add(name + ": secured, without 401 and 403");
            }
            var pathIds = operation.path("parameters").valueStream().anyMatch(p -> "path".equals(p.path("in").asString()));
            if (pathIds && !responses.has("404")) {
                undocumented.add(name + ": an id in the path, without 404");
            }
        });
        assertThat(undocumented).isEmpty();

        var send = operation("/api/v1/messages", "post").get("responses");
        assertThat(send.propertyNames()).contains("202", "400", "401", "403", "404", "409", "413", "415", "422");
        assertThat(send.get("409").path("content").path("application/problem+json").path("examples").propertyNames())
                .contains("recipient-opted-out", "no-consent-recorded", "erased-person", "idempotency-key-in-use");
        assertThat(send.get("422").path("content").path("application/problem+json").path("examples").propertyNames())
                .contains("outside-service-window", "no-channel", "template-not-approved");
        assertThat(send.has("200")).as("it answers 202, never 200").isFalse();
    }

    /**
     * The key decides the workspace. Remove the ignore of WorkspaceId in ApiDocumentation → fails: 76 operations took
     * a required {@code workspace} query parameter.
     */
    @Test
    void noOperationExposesAParameterOurResolversFillIn() {
        var internalTypes = new HashSet<String>();
        var internalNames = new HashSet<String>();
        handlers.getHandlerMethods().values().forEach(handler -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                var type = parameter.getParameterType();
                var bound = BOUND_FROM_THE_REQUEST.stream().anyMatch(parameter::hasParameterAnnotation);
                if (!bound && type.getName().startsWith("com.maxmysales.")) {
                    internalTypes.add(type.getSimpleName());
                    parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    internalNames.add(parameter.getParameterName());
                }
            }
        });
        assertThat(internalTypes).as("the types resolvers fill in").contains("WorkspaceId");
        assertThat(internalNames).contains("workspace");

        var exposed = new ArrayList<String>();
        operations((name, operation) -> {
            operation.path("parameters").forEach(parameter -> {
                var ref = parameter.path("schema").path("$ref").asString("");
                if ("workspace".equals(parameter.path("name").asString())
                        || internalTypes.stream().anyMatch(type -> ref.endsWith("/" + type))) {
                    exposed.add(name + " parameter " + parameter.path("name").asString());
                }
            });
            operation.path("requestBody").path("content").forEach(media -> {
                var ref = media.path("schema").path("$ref").asString("");
                if (internalTypes.stream().anyMatch(type -> ref.endsWith("/" + type))
                        || media.path("schema").path("properties").propertyNames().stream().anyMatch(internalNames::contains)) {
                    exposed.add(name + " body " + media.path("schema"));
                }
            });
        });
        assertThat(exposed).isEmpty();
        assertThat(document.path("components").path("schemas").propertyNames())
                .doesNotContainAnyElementsOf(internalTypes).doesNotContain("JsonNode");
    }

    @Test
    void everyOperationTakesTheBearerKeyAndEveryJsonBodyHasAnExample() {
        var schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("apiKey").path("scheme").asString()).isEqualTo("bearer");
        var wrong = new ArrayList<String>();
        operations((name, operation) -> {
            var expected = name.contains(" /api/v1/admin/") ? "operatorToken" : "apiKey";
            if (!operation.path("security").valueStream().anyMatch(requirement -> requirement.has(expected))) {
                wrong.add(name + ": not secured by " + expected);
            }
            operation.path("requestBody").path("content").properties().forEach(media -> {
                if (media.getKey().contains("json") && !media.getValue().has("example") && !media.getValue().has("examples")) {
                    wrong.add(name + ": " + media.getKey() + " body without an example");
                }
            });
        });
        assertThat(wrong).isEmpty();

        var text = operation("/api/v1/messages", "post").path("requestBody").path("content").path("application/json");
        assertThat(text.path("schema").path("oneOf").size()).as("the message kinds").isEqualTo(5);
        assertThat(text.path("examples").propertyNames()).contains("text", "template");
        assertThat(operation("/api/v1/messages", "post").path("parameters").valueStream()
                .map(parameter -> parameter.path("name").asString())).contains("Idempotency-Key");
    }

    /** What the document says of POST /api/v1/messages, done with its own example: 202 and the documented body. */
    @Test
    void theDocumentedExampleSendsAMessage() {
        var key = http.createWorkspace("Documented send");
        var number = SandboxNumber.connect(http, key);
        var customer = "+919845001501";
        number.customerWritesText(customer, "Asha Rao", "Hello?");
        // Applied after Meta's 200 is answered: the 24-hour window opens once the message is stored.
        await(() -> http.get("/api/v1/contacts?phone=" + customer.replace("+", "%2B"), key).json().path("items")
                .path(0).path("lastInboundAt").isString());
        var example = operation("/api/v1/messages", "post").path("requestBody").path("content").path("application/json")
                .path("examples").path("text").path("value").toString().replace("+919812345678", customer);

        var sent = http.post("/api/v1/messages", key, example);

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        var documented = document.path("components").path("schemas").path("MessageBody").path("properties").propertyNames();
        assertThat(documented).containsAll(sent.json().propertyNames());
        var notAllowed = http.post("/api/v1/messages", key, example.replace(customer, "+919845001502"));
        assertThat(notAllowed.status()).isEqualTo(422);
        assertThat(operation("/api/v1/messages", "post").path("responses").path("422").path("content")
                .path("application/problem+json").path("examples").propertyNames())
                .contains(notAllowed.json().get("type").asString().replace("urn:maxmysales:problem:", ""));
    }

    /** An unknown path and a wrong method under /api/v1 answer problem documents naming the path asked for. */
    @Test
    void unknownPathsAndWrongMethodsAnswerProblemDocuments() {
        var key = http.createWorkspace("Unknown paths");

        var unknown = http.get("/api/v1/no-such-thing/42", key);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:not-found");
        assertThat(unknown.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing/42");

        var wrongMethod = http.delete("/api/v1/workspace", key);
        assertThat(wrongMethod.status()).isEqualTo(405);
        // The methods in any order: Spring lists them from a set.
        assertThat(wrongMethod.header("Allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "PATCH");
        assertThat(wrongMethod.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(wrongMethod.json().get("type").asString()).isEqualTo("urn:maxmysales:problem:method-not-allowed");
        assertThat(wrongMethod.json().get("instance").asString()).isEqualTo("/api/v1/workspace");
    }

    private JsonNode operation(String path, String method) {
        return document.path("paths").path(path).path(method);
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch");
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> methods.contains(operation.getKey()))
                .forEach(operation -> each.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue())));
    }
}
