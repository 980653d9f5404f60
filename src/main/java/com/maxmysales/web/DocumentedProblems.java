package com.maxmysales.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents the problem documents an operation answers, derived from what is true of every handler rather than
 * written on each: 401 and 403 for every operation that declares a permission (and the key or token it takes),
 * 404 for an id in the path, 400/413/415 for a body, 400 for query parameters, and the Idempotency-Key header with
 * its refusals on every {@code POST /api/v1/...} (platform.api.IdempotencyFilter). A controller adds what is its own
 * with {@code @ApiResponse(responseCode = "409", description = "`contact-exists`: …")}; the codes in backticks
 * become the response's examples.
 */
final class DocumentedProblems implements GlobalOperationCustomizer {

    private static final Pattern CODE = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`");
    /** "409 contact-exists" in an operation's own description. */
    private static final Pattern STATUS_AND_CODE = Pattern.compile("\\b([45]\\d\\d) ([a-z]+(?:-[a-z]+)+)\\b");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var problems = new TreeMap<Integer, Set<String>>();
        var permission = permission(handler);
        if (permission != null) {
            operation.setSecurity(java.util.List.of(new SecurityRequirement().addList(permission == Permission.OPERATOR ? ApiDocumentation.OPERATOR_TOKEN : ApiDocumentation.API_KEY)));
            add(problems, 401, "unauthorized");
            add(problems, 403, "forbidden");
        }
        var body = false;
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                add(problems, 404, "not-found");
            }
            var file = MultipartFile.class.isAssignableFrom(parameter.getParameterType());
            if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)
                    || file) {
                body = true;
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                add(problems, 400, "invalid-value", "malformed-query");
            }
        }
        if (body) {
            add(problems, 400, "invalid-request", "malformed-request");
            add(problems, 413, "request-too-large");
            add(problems, 415, "unsupported-media-type");
        }
        if (takesIdempotencyKey(handler, permission)) {
            documentIdempotencyKey(operation);
            add(problems, 400, "invalid-idempotency-key");
            add(problems, 409, "idempotency-key-in-use");
            add(problems, 422, "idempotency-key-reused");
        }
        if (operation.getDescription() != null) {
            var named = STATUS_AND_CODE.matcher(operation.getDescription());
            while (named.find()) {
                add(problems, Integer.parseInt(named.group(1)), named.group(2));
            }
        }
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.forEach((status, response) -> {
            if (status.matches("[45]\\d\\d")) {
                problems.computeIfAbsent(Integer.parseInt(status), any -> new LinkedHashSet<>())
                        .addAll(codesIn(response.getDescription()));
            }
        });
        problems.forEach((status, codes) -> responses.addApiResponse(String.valueOf(status),
                problemResponse(status, codes, responses.get(String.valueOf(status)))));
        var ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
        return operation;
    }

    private static Permission permission(HandlerMethod handler) {
        var declared = handler.getMethodAnnotation(RequiresPermission.class);
        if (declared == null) {
            declared = handler.getBeanType().getAnnotation(RequiresPermission.class);
        }
        return declared == null ? null : declared.value();
    }

    /** The filter takes the header on every POST under /api/v1/ but the operator's. */
    private static boolean takesIdempotencyKey(HandlerMethod handler, Permission permission) {
        var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        var type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        var under = type == null || type.path().length == 0 ? "" : type.path()[0];
        return mapping != null && Set.of(mapping.method()).contains(RequestMethod.POST) && under.startsWith("/api/v1/")
                && permission != Permission.OPERATOR;
    }

    private static void documentIdempotencyKey(Operation operation) {
        var declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "Idempotency-Key".equalsIgnoreCase(parameter.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .schema(new StringSchema().maxLength(255))
                    .example("order-4711-confirmation")
                    .description("Makes the request safe to retry: the same key answers the first request's answer "
                            + "again for 24 hours and never does the work twice"));
        }
    }

    private static Set<String> codesIn(String description) {
        var codes = new LinkedHashSet<String>();
        if (description != null) {
            var matcher = CODE.matcher(description);
            while (matcher.find()) {
                codes.add(matcher.group(1));
            }
        }
        return codes;
    }

    private static ApiResponse problemResponse(int status, Set<String> codes, ApiResponse declared) {
        var response = declared == null ? new ApiResponse() : declared;
        var given = declared == null || declared.getDescription() == null || declared.getDescription().isBlank()
                ? HttpStatus.valueOf(status).getReasonPhrase() : declared.getDescription();
        var named = codesIn(given);
        var unnamed = codes.stream().filter(code -> !named.contains(code)).map(code -> "`" + code + "`").toList();
        response.setDescription(unnamed.isEmpty() ? given
                : given + (named.isEmpty() ? ": " : "; also ") + String.join(", ", unnamed));
        Map<String, Example> examples = new LinkedHashMap<>();
        for (var code : codes) {
            var example = new LinkedHashMap<String, Object>();
            example.put("type", "urn:maxmysales:problem:" + code);
            example.put("title", title(code));
            example.put("status", status);
            examples.put(code, new Example().value(example));
        }
        response.setContent(new Content().addMediaType("application/problem+json", new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + ApiDocumentation.PROBLEM)).examples(examples)));
        return response;
    }

    private static String title(String code) {
        var words = code.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static void add(Map<Integer, Set<String>> problems, int status, String... codes) {
        problems.computeIfAbsent(status, any -> new LinkedHashSet<>()).addAll(java.util.List.of(codes));
    }
}
