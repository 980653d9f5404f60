package com.maxmysales.web;

import jakarta.servlet.http.HttpServletRequest;

import com.maxmysales.privacy.notice.PrivacyNotices;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PublicSiteController {

    private final PrivacyNotices notices;
    private final SiteFeatures features;

    PublicSiteController(PrivacyNotices notices, SiteFeatures features) {
        this.notices = notices;
        this.features = features;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("features", features);
        model.addAttribute("notice", notices.current());
        return "site/home";
    }

    @GetMapping("/privacy")
    String privacyNotice(Model model) {
        model.addAttribute("features", features);
        model.addAttribute("notice", notices.current());
        model.addAttribute("history", notices.history());
        return "site/privacy";
    }

    /**
     * The sign-in page and what to say after a try. A throttled try is told so, whoever's email it named; after a
     * sign-up the message is the same whether the email was new (a workspace is ready) or known (we emailed it).
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String registered, @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String passwordChanged, HttpServletRequest request, Model model) {
        String message = null;
        if (error != null) {
            message = "That email and password do not match an account.";
        } else if (throttled != null) {
            message = "Too many sign-in attempts. Wait a few minutes, then try again.";
        } else if (registered != null) {
            message = "Your account is ready. Sign in to continue. (If this email already had an account, we have "
                    + "emailed it instead.)";
        } else if (signedOut != null) {
            message = "You are signed out.";
        } else if (passwordChanged != null) {
            message = "Your new password is set. Sign in with it.";
        }
        model.addAttribute("message", message);
        model.addAttribute("failed", error != null || throttled != null);
        var typed = TypedEmail.take(request);
        model.addAttribute("email", typed == null ? "" : typed);
        return "site/login";
    }
}
