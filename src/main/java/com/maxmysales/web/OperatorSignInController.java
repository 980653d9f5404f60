package com.maxmysales.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's sign-in page (the form posts to the security chain, {@link SecurityConfiguration#operatorWeb}). */
@Controller
class OperatorSignInController {

    @GetMapping(OperatorWebSecurity.SIGN_IN)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String signedOut, Model model) {
        String message = null;
        if (error != null) {
            message = "That is not the operator token.";
        } else if (throttled != null) {
            message = "Too many sign-in attempts. Wait a few minutes, then try again.";
        } else if (signedOut != null) {
            message = "You are signed out.";
        }
        model.addAttribute("message", message);
        model.addAttribute("failed", error != null || throttled != null);
        model.addAttribute("tokenField", OperatorWebSecurity.TOKEN_FIELD);
        return "operator/login";
    }
}
