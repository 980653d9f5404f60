package com.maxmysales.tenancy.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.ClientAddresses;
import com.maxmysales.tenancy.PublicForms;
import com.maxmysales.tenancy.SignUp;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignUpController {

    static final String TOO_MANY = "Too many sign-ups from your network just now. Please try again later.";

    private final SignUp signUp;
    private final PublicForms forms;

    SignUpController(SignUp signUp, PublicForms forms) {
        this.signUp = signUp;
        this.forms = forms;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUp.Form("", "", "", "", false, false));
        model.addAttribute("errors", Map.of());
        return "tenancy/signup";
    }

    /** A new workspace and a known email get the same answer; the known email's owner is told by email. */
    @PostMapping("/signup")
    String register(@RequestParam(defaultValue = "") String workspaceName,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean adult,
            @RequestParam(defaultValue = "false") boolean acceptNotice, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var form = new SignUp.Form(workspaceName, displayName, email, password, adult, acceptNotice);
        model.addAttribute("form", new SignUp.Form(workspaceName, displayName, email, "", adult, acceptNotice));
        if (!forms.mayPost(PublicForms.Form.SIGN_UP, ClientAddresses.limited(request.getRemoteAddr()))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", Map.of("form", TOO_MANY));
            return "tenancy/signup";
        }
        // Both answers are the same (docs/security.md: sign-up tells nobody whether an email has an account), so the
        // new owner is not signed in here; the login form has their email filled in and leads to the dashboard.
        return switch (signUp.register(form)) {
            case SignUp.Result.Created created -> toLogin(request, email);
            case SignUp.Result.AlreadyRegistered known -> toLogin(request, email);
            case SignUp.Result.Invalid invalid -> {
                model.addAttribute("errors", invalid.errors());
                yield "tenancy/signup";
            }
        };
    }

    private static String toLogin(HttpServletRequest request, String email) {
        request.getSession().setAttribute(PublicForms.TYPED_EMAIL, email.strip());
        return "redirect:/login?registered";
    }
}
