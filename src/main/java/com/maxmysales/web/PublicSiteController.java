package com.maxmysales.web;

import com.maxmysales.privacy.PrivacyNotices;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PublicSiteController {

    private final PrivacyNotices notices;

    PublicSiteController(PrivacyNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home() {
        return "site/home";
    }

    @GetMapping("/privacy")
    String privacyNotice(Model model) {
        model.addAttribute("notice", notices.current());
        model.addAttribute("history", notices.history());
        return "site/privacy";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String registered,
            @RequestParam(required = false) String signedOut, Model model) {
        String message = null;
        if (error != null) {
            message = "That email and password do not match an account.";
        } else if (registered != null) {
            message = "Your account is ready. Sign in to continue.";
        } else if (signedOut != null) {
            message = "You are signed out.";
        }
        model.addAttribute("message", message);
        model.addAttribute("failed", error != null);
        return "site/login";
    }
}
