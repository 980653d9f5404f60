package com.maxmysales.web;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.platform.Refusal;
import com.maxmysales.platform.api.Problems;
import com.maxmysales.platform.api.RequestIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' refusals and failures, answered with the product's error page: a module's {@link Refusal} with the
 * status of its kind and its detail, a malformed id as not found and another malformed value as a bad request (as the API does), the framework's refusals with
 * their status, and anything else as a 500 that shows the request id it is logged under. A refusal a page can
 * explain next to its form is caught by that page instead (answered 422 with the form). REST controllers are
 * answered first by the API's own advice.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageAdvice.class);

    private final PageContextAdvice pages;

    ErrorPageAdvice(PageContextAdvice pages) {
        this.pages = pages;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refusal(Refusal refusal, HttpServletRequest request) {
        return page(request, Problems.status(refusal.kind()).value(), refusal.detail());
    }

    /** A malformed id names no row (404, as the API); a number or date of the wrong shape is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformedValue(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
        if (mismatch.getRequiredType() != java.util.UUID.class) {
            return page(request, 400, mismatch.getName() + " is not a valid value of its kind");
        }
        return page(request, 404, null);
    }

    /** A value PostgreSQL refuses to store or compare (SQL state class 22) came from the request, as the API says. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView unstorableValue(DataIntegrityViolationException violation, HttpServletRequest request) {
        var state = violation.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        if (state == null || !state.startsWith("22")) {
            return failure(violation, request);
        }
        return page(request, 400, "a value in the request cannot be stored or compared");
    }

    /** Left to Spring Security: the sign-in page for someone not signed in, the "not allowed" page for the others. */
    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException denied) {
        throw denied;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(Exception failure, HttpServletRequest request) {
        if (failure instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // Our own controllers word a ResponseStatusException's reason for people; the framework's details are not.
            var reason = failure instanceof ResponseStatusException own ? own.getReason() : null;
            return page(request, framework.getStatusCode().value(), reason);
        }
        if (failure instanceof TypeMismatchException || failure instanceof HttpMessageNotReadableException) {
            return page(request, 400, null);
        }
        log.error("Unhandled error in request {}", RequestIds.current(), failure);
        return page(request, 500, null);
    }

    private ModelAndView page(HttpServletRequest request, int status, String detail) {
        var page = new ModelAndView("site/error", HttpStatusCode.valueOf(status));
        page.addObject("page", pages.page(request));
        page.addObject("error", ErrorPage.of(status, detail, RequestIds.current()));
        return page;
    }
}
