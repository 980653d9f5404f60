package com.maxmysales.sandbox.web;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.sandbox.GraphError;
import com.maxmysales.sandbox.WhenSandboxEnabled;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any Graph path the sandbox does not serve gets Meta's "unsupported request" error, not a 404 page. */
@RestController
@WhenSandboxEnabled
class GraphFallbackController {

    @RequestMapping(GraphObjectsController.GRAPH + "/**")
    void unsupported(HttpServletRequest request) {
        // What follows /sandbox/graph/{version}/ is what Meta would call the object.
        var path = request.getRequestURI().substring(request.getContextPath().length() + GraphObjectsController.GRAPH.length());
        var object = path.replaceFirst("^/[^/]*/?", "");
        throw GraphError.unsupported(request.getMethod(), object);
    }
}
