package com.maxmysales.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The product's "not allowed" page, where the web app's chain forwards a request the caller's role may not make. */
@Controller
class ForbiddenPageController {

    static final String PATH = "/forbidden";

    @RequestMapping(PATH)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        var denied = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute("reason", denied instanceof AccessDeniedException exception ? exception.getMessage() : null);
        return "site/forbidden";
    }
}
