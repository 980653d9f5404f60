package com.maxmysales.platform;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 document from places that run before any controller: servlet filters and security entry points. */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.putAll(problem.extensions());
        response.setStatus(problem.status().value());
        if (problem.retryAfter() != null) {
            response.setHeader("Retry-After", problem.retryAfter());
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    public void write(HttpServletResponse response, HttpStatus status, String cause, String title, String detail)
            throws IOException {
        write(response, new ApiProblem(status, cause, title, detail));
    }
}
