package com.maxmysales.tenancy.web;

import java.util.Map;

import com.maxmysales.tenancy.SignUp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SignUpController {

    private final SignUp signUp;

    SignUpController(SignUp signUp) {
        this.signUp = signUp;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUp.Form("", "", "", "", false, false));
        model.addAttribute("errors", Map.of());
        return "tenancy/signup";
    }

    @PostMapping("/signup")
    String register(@RequestParam(defaultValue = "") String workspaceName,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean adult,
            @RequestParam(defaultValue = "false") boolean acceptNotice, Model model) {
        var form = new SignUp.Form(workspaceName, displayName, email, password, adult, acceptNotice);
        return switch (signUp.register(form)) {
            case SignUp.Result.Created created -> "redirect:/login?registered";
            case SignUp.Result.Invalid invalid -> {
                model.addAttribute("form", new SignUp.Form(workspaceName, displayName, email, "", adult, acceptNotice));
                model.addAttribute("errors", invalid.errors());
                yield "tenancy/signup";
            }
        };
    }
}
