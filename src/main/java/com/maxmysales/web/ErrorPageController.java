package com.maxmysales.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.api.Problems;
import com.maxmysales.platform.api.RequestIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page for what no controller answered: unknown paths, refusals of the container and of filters, failures
 * outside a controller (the container sends them to {@code /error}), and the "not allowed" page where Spring
 * Security forwards a request the caller's role may not make. Under the API's and the machines' paths the answer
 * is a problem document, as everywhere else there; pages get the product's error page in its layout.
 */
@Controller
class ErrorPageController implements ErrorController {

    static final String FORBIDDEN = "/forbidden";

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);
    private static final List<String> MACHINE_PATHS = List.of("/api/", "/webhooks/", "/actuator/", "/v3/api-docs",
            "/sandbox/graph/", "/sandbox/media/", "/sandbox/customers/");

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        // The container sets the status of every error it sends here; without one, /error was asked for by name.
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            log.error("Unhandled error in request {}", RequestIds.current(), failure);
        }
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "";
        if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
            return ResponseEntity.status(status).body(problem(HttpStatusCode.valueOf(status), path));
        }
        response.setStatus(status);
        model.addAttribute("error", ErrorPage.of(status, null, RequestIds.current()));
        return "site/error";
    }

    @RequestMapping(FORBIDDEN)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(403);
        var denied = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute("error", ErrorPage.of(403,
                denied instanceof AccessDeniedException exception ? exception.getMessage() : null, null));
        return "site/error";
    }

    private static ProblemDetail problem(HttpStatusCode status, String path) {
        if (status.is5xxServerError()) {
            return Problems.internalError();
        }
        var body = ProblemDetail.forStatus(status);
        body.setType(Problems.type(status));
        if (status.value() == 404) {
            body.setDetail("no endpoint at this path; the API reference is at /swagger-ui.html");
        }
        // The path the client asked for, not the container's /error it was forwarded to.
        try {
            body.setInstance(java.net.URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            body.setInstance(null);
        }
        return body;
    }
}
