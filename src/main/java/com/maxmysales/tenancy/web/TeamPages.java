package com.maxmysales.tenancy.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.tenancy.AccountEmails;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.tenancy.MemberChanges;
import com.maxmysales.tenancy.PasswordResets;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.Team;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The team page: members with their role and status, open invitations, and what an owner or admin may do to
 * them. A one-time link (invitation, password reset) is shown once, on the page that made it.
 */
@Controller
@RequiresPermission(Permission.MEMBERS_MANAGE)
class TeamPages {

    private final Team team;
    private final MemberChanges changes;
    private final PasswordResets resets;
    private final AccountEmails emails;

    TeamPages(Team team, MemberChanges changes, PasswordResets resets, AccountEmails emails) {
        this.team = team;
        this.changes = changes;
        this.resets = resets;
        this.emails = emails;
    }

    @GetMapping("/app/settings/team")
    String team(@AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        return render(user, model, null, null, null);
    }

    @PostMapping("/app/settings/team/invitations")
    String invite(@AuthenticationPrincipal BusinessUserPrincipal user, @RequestParam String email,
            @RequestParam String role, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            var invitation = team.invite(user, email, Role.fromCode(role));
            return render(user, model, baseUrl(request) + "/invite/" + invitation.token().reveal(), null, null);
        } catch (Refusal | IllegalArgumentException problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, model, null, null, problem.getMessage());
        }
    }

    @PostMapping("/app/settings/team/invitations/{invitationId}/revoke")
    String revoke(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID invitationId,
            HttpServletResponse response, Model model) {
        return act(user, response, model, () -> team.revoke(user, invitationId));
    }

    @PostMapping("/app/settings/team/members/{memberId}/role")
    String changeRole(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID memberId,
            @RequestParam String role, HttpServletResponse response, Model model) {
        return act(user, response, model, () -> changes.changeRole(user, memberId, Role.fromCode(role)));
    }

    @PostMapping("/app/settings/team/members/{memberId}/disable")
    String disable(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID memberId,
            HttpServletResponse response, Model model) {
        return act(user, response, model, () -> changes.disable(user, memberId));
    }

    @PostMapping("/app/settings/team/members/{memberId}/enable")
    String enable(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID memberId,
            HttpServletResponse response, Model model) {
        return act(user, response, model, () -> changes.enable(user, memberId));
    }

    @PostMapping("/app/settings/team/members/{memberId}/remove")
    String remove(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID memberId,
            HttpServletResponse response, Model model) {
        return act(user, response, model, () -> changes.remove(user, memberId));
    }

    @PostMapping("/app/settings/team/members/{memberId}/password-reset")
    String resetPassword(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID memberId,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            var reset = resets.issue(user, memberId);
            var mailed = team.overview(user).members().stream().filter(member -> member.id().equals(memberId))
                    .findFirst().map(member -> emails.resetIssued(member.email(), reset)).orElse(false);
            model.addAttribute("resetMailed", mailed);
            return render(user, model, null, baseUrl(request) + "/password-reset/" + reset.token().reveal(), null);
        } catch (Refusal problem) {
            return refused(user, response, model, problem);
        }
    }

    private String act(BusinessUserPrincipal user, HttpServletResponse response, Model model, Runnable change) {
        try {
            change.run();
            return "redirect:/app/settings/team";
        } catch (Refusal problem) {
            return refused(user, response, model, problem);
        } catch (IllegalArgumentException problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, model, null, null, problem.getMessage());
        }
    }

    /** A member or invitation this workspace does not have is not found (the error page); other refusals are shown. */
    private String refused(BusinessUserPrincipal user, HttpServletResponse response, Model model, Refusal problem) {
        if (problem.kind() == Refusal.Kind.NOT_FOUND) {
            throw problem;
        }
        response.setStatus(problem.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT.value()
                : HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(user, model, null, null, problem.getMessage());
    }

    private String render(BusinessUserPrincipal user, Model model, String inviteLink, String resetLink, String error) {
        model.addAttribute("team", team.overview(user));
        model.addAttribute("inviteLink", inviteLink);
        model.addAttribute("resetLink", resetLink);
        model.addAttribute("error", error);
        if (!model.containsAttribute("resetMailed")) {
            model.addAttribute("resetMailed", false);
        }
        return "tenancy/team";
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).toUriString();
    }
}
