package com.maxmysales.tenancy.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.ClientAddresses;
import com.maxmysales.tenancy.AccountEmails;
import com.maxmysales.tenancy.PasswordResets;
import com.maxmysales.tenancy.PublicForms;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** "Forgot your password?": a link by email (the same answer for any email), and the one-time link's form. */
@Controller
class PasswordResetController {

    private static final String TOO_MANY = "Too many attempts from your network just now. Please try again later.";

    private final PasswordResets resets;
    private final AccountEmails emails;
    private final PublicForms forms;

    PasswordResetController(PasswordResets resets, AccountEmails emails, PublicForms forms) {
        this.resets = resets;
        this.emails = emails;
        this.forms = forms;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("sent", false);
        model.addAttribute("error", null);
        return "tenancy/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!forms.mayPost(PublicForms.Form.PASSWORD_RESET_REQUEST, ClientAddresses.limited(request.getRemoteAddr()))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("sent", false);
            model.addAttribute("error", TOO_MANY);
            return "tenancy/password-reset-request";
        }
        if (!email.isBlank()) {
            emails.resetRequested(email);
        }
        model.addAttribute("sent", true);
        model.addAttribute("error", null);
        return "tenancy/password-reset-request";
    }

    @GetMapping("/password-reset/{token}")
    String form(@PathVariable String token, Model model) {
        if (!resets.isOpen(token)) {
            throw gone();
        }
        return render(token, Map.of(), model);
    }

    @PostMapping("/password-reset/{token}")
    String complete(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!forms.mayPost(PublicForms.Form.ONE_TIME_LINK, ClientAddresses.limited(request.getRemoteAddr()))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return render(token, Map.of("form", TOO_MANY), model);
        }
        if (!resets.isOpen(token)) {
            throw gone();
        }
        var errors = resets.complete(token, password);
        return errors.isEmpty() ? "redirect:/login?passwordChanged" : render(token, errors, model);
    }

    private static String render(String token, Map<String, String> errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "tenancy/password-reset";
    }

    private static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "This link was used, has expired, or never existed.");
    }
}
