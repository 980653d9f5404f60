package com.maxmysales.platform.api;

import java.sql.SQLException;
import java.util.stream.Collectors;

import com.maxmysales.platform.Refusal;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of a REST controller into an RFC 9457 document with a stable {@code type}:
 * the modules' {@link Refusal}s, and the framework's (unreadable JSON, failed validation, wrong method...).
 * Ordered before the web app's error pages, whose advice matches REST controllers too (each is a controller).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        return Problems.response(refusal);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() != java.util.UUID.class) {
            // A number or a date of the wrong shape (limit=99999999999) is a bad request, not a missing row.
            return Problems.response(Refusal.invalid("invalid-value", "Invalid value",
                    e.getName() + " is not a valid value of its kind"));
        }
        // A malformed id can never name a row of this workspace; answering 404 keeps ids unguessable.
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such " + e.getName());
        body.setType(Problems.type("not-found"));
        body.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }

    /**
     * A value PostgreSQL refuses to store (SQL state class 22: a NUL character in text, a number out of range) came
     * from the request, not from a fault of ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorableValue(DataIntegrityViolationException e) {
        var state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
        if (state == null || !state.startsWith("22")) {
            return unexpected(e);
        }
        return Problems.response(Refusal.invalid("invalid-value", "Invalid value",
                "a value cannot be stored: it holds a character (such as NUL) or a number the database refuses"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error in request {}", RequestIds.current(), e);
        return ResponseEntity.internalServerError().body(Problems.internalError());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        body.setType(Problems.type("invalid-request"));
        body.setTitle("Invalid request");
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this endpoint");
        body.setType(Problems.type("malformed-request"));
        body.setTitle("Malformed request");
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && isDefaultType(problem)) {
            problem.setType(Problems.type(status));
        }
        return response;
    }

    private static boolean isDefaultType(ProblemDetail problem) {
        return problem.getType() == null || "about:blank".equals(problem.getType().toString());
    }
}
