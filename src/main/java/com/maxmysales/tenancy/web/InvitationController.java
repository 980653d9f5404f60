package com.maxmysales.tenancy.web;

import java.util.Map;

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

    private final Team team;

    InvitationController(Team team) {
        this.team = team;
    }

    @GetMapping("/invite/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("invitation", team.pending(token).orElseThrow(InvitationController::gone));
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "tenancy/invite";
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "false") boolean adult,
            @RequestParam(defaultValue = "false") boolean acceptNotice, Model model) {
        var invitation = team.pending(token).orElseThrow(InvitationController::gone);
        var errors = team.accept(token, displayName, password, adult, acceptNotice);
        if (errors.isEmpty()) {
            return "redirect:/login?registered";
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "tenancy/invite";
    }

    private static ResponseStatusException gone() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "This invitation was used, has expired, or never existed.");
    }
}
