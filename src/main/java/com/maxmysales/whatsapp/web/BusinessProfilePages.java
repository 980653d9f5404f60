package com.maxmysales.whatsapp.web;

import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.whatsapp.BusinessProfile;
import com.maxmysales.whatsapp.BusinessProfiles;
import com.maxmysales.whatsapp.ChannelManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A number's business profile, read from Meta and changed at Meta: about, address, description, email, websites. */
@Controller
@RequiresPermission(Permission.CHANNELS_MANAGE)
class BusinessProfilePages {

    private static final String PROFILE = "/app/settings/numbers/{channelId}/profile";

    private final BusinessProfiles profiles;
    private final ChannelManagement channels;

    BusinessProfilePages(BusinessProfiles profiles, ChannelManagement channels) {
        this.profiles = profiles;
        this.channels = channels;
    }

    @GetMapping(PROFILE)
    String profile(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID channelId,
            HttpServletResponse response, Model model) {
        try {
            return render(user, channelId, profiles.read(user.workspaceId(), channelId), model, null);
        } catch (Refusal refused) {
            if (refused.kind() != Refusal.Kind.UPSTREAM_FAILED) {
                throw refused;
            }
            response.setStatus(HttpStatus.BAD_GATEWAY.value());
            return render(user, channelId, null, model, refused.getMessage());
        }
    }

    @PostMapping(PROFILE)
    String update(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID channelId,
            @RequestParam(required = false) String about, @RequestParam(required = false) String address,
            @RequestParam(required = false) String description, @RequestParam(required = false) String email,
            @RequestParam(required = false) String website1, @RequestParam(required = false) String website2,
            @RequestParam(required = false) String vertical, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        var profile = new BusinessProfile(blankToNull(about), blankToNull(address), blankToNull(description),
                blankToNull(email), Stream.of(website1, website2).map(BusinessProfilePages::blankToNull)
                        .filter(java.util.Objects::nonNull).toList(), blankToNull(vertical), null);
        try {
            profiles.update(user.workspaceId(), channelId, profile);
            redirect.addFlashAttribute("saved", "yes");
            return "redirect:" + PROFILE.replace("{channelId}", channelId.toString());
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(refused.kind() == Refusal.Kind.UPSTREAM_FAILED ? HttpStatus.BAD_GATEWAY.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, channelId, profile, model, refused.getMessage());
        }
    }

    private String render(BusinessUserPrincipal user, UUID channelId, @Nullable BusinessProfile profile, Model model,
            @Nullable String error) {
        model.addAttribute("channel", channels.list(user.workspaceId()).stream()
                .filter(channel -> channel.id().equals(channelId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("number " + channelId)));
        model.addAttribute("profile", profile == null
                ? new BusinessProfile(null, null, null, null, null, null, null) : profile);
        model.addAttribute("verticals", BusinessProfile.VERTICALS);
        model.addAttribute("error", error);
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", null);
        }
        return "whatsapp/profile";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
