package com.maxmysales.sandbox.web;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.GraphErrorBody;
import com.maxmysales.sandbox.MetaError;
import com.maxmysales.sandbox.WhenSandboxEnabled;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of a Graph endpoint in Meta's error shape, including the framework's own (wrong method,
 * missing part...), so a Graph client never meets a problem document it would not get from Meta. Ordered
 * before the platform's advice, which would otherwise answer RFC 9457.
 */
@RestControllerAdvice(assignableTypes = { GraphMessagesController.class, GraphObjectsController.class,
        GraphTemplatesController.class, GraphLeadsController.class, GraphFallbackController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
@WhenSandboxEnabled
class GraphErrorAdvice {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphErrorAdvice.class);

    @ExceptionHandler(GraphError.class)
    ResponseEntity<GraphErrorBody> graphError(GraphError error) {
        return ResponseEntity.status(error.error().httpStatus()).body(GraphErrorBody.of(error));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<GraphErrorBody> other(Exception e) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(framework.getStatusCode())
                    .body(GraphErrorBody.of(GraphError.invalid(java.util.Objects.requireNonNullElse(framework.getBody().getDetail(), e.getMessage()))));
        }
        log.error("Sandbox Graph endpoint failed", e);
        return graphError(GraphError.of(MetaError.UNKNOWN));
    }
}
