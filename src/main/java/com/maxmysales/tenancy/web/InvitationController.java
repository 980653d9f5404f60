package com.maxmysales.tenancy.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.ClientAddresses;
import com.maxmysales.tenancy.PublicForms;
import com.maxmysales.tenancy.Team;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class InvitationController {

    private static final String TOO_MANY = "Too many attempts from your network just now. Please try again later.";

    private final Team team;
    private final PublicForms forms;
    private final InviteeSignIn signIn;

    InvitationController(Team team, PublicForms forms, InviteeSignIn signIn) {
        this.team = team;
        this.forms = forms;
        this.signIn = signIn;
    }

    @GetMapping("/invite/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("invitation", team.pending(token).orElseThrow(InvitationController::gone));
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        typed(model, "", false, false);
        return "tenancy/invite";
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean adult,
            @RequestParam(defaultValue = "false") boolean acceptNotice, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!forms.mayPost(PublicForms.Form.ONE_TIME_LINK, ClientAddresses.limited(request.getRemoteAddr()))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            typed(model, displayName, adult, acceptNotice);
            return render(token, Map.of("form", TOO_MANY), model);
        }
        var invitation = team.pending(token).orElseThrow(InvitationController::gone);
        var errors = team.accept(token, displayName, password, adult, acceptNotice);
        if (!errors.isEmpty()) {
            // What they typed stays (never the password), so that a too-short password costs one field, not four.
            typed(model, displayName, adult, acceptNotice);
            return render(token, errors, model);
        }
        // Unlike sign-up, which answers alike whether or not an email has an account, an invitation's link already
        // proved the email: the new member goes straight into their workspace.
        signIn.signIn(invitation.email(), password, request, response);
        return "redirect:/app";
    }

    private String render(String token, Map<String, String> errors, Model model) {
        model.addAttribute("invitation", team.pending(token).orElseThrow(InvitationController::gone));
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "tenancy/invite";
    }

    private static void typed(Model model, String displayName, boolean adult, boolean acceptNotice) {
        model.addAttribute("displayName", displayName);
        model.addAttribute("adult", adult);
        model.addAttribute("acceptNotice", acceptNotice);
    }

    static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "This invitation was used, has expired, or never existed.");
    }
}
