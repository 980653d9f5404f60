package com.maxmysales.platform.api;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;

import org.springframework.http.HttpHeaders;
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

    public void write(HttpServletResponse response, Refusal refusal) throws IOException {
        var status = Problems.status(refusal.kind());
        var body = new LinkedHashMap<String, Object>();
        body.put("type", Problems.type(refusal.code()).toString());
        body.put("title", refusal.title());
        body.put("status", status.value());
        body.put("detail", refusal.detail());
        body.putAll(refusal.extensions());
        response.setStatus(status.value());
        if (refusal.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds());
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
