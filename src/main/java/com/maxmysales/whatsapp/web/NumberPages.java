package com.maxmysales.whatsapp.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.Secret;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.NumberStanding;
import com.maxmysales.whatsapp.WhatsAppSettings;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The workspace's WhatsApp numbers: connect one (a sandbox number in one click, a real one from its ids and token,
 * checked with Meta), see its quality, tier, pace and holds, change its pace, disconnect it. After a real number
 * is connected its page shows what to paste into the Meta app and confirms when Meta's first webhook arrives.
 */
@Controller
@RequiresPermission(Permission.CHANNELS_MANAGE)
class NumberPages {

    private static final String NUMBERS = "/app/settings/numbers";

    private final ChannelManagement channels;
    private final WhatsAppSettings settings;
    private final String publicUrl;
    private final boolean sandboxEnabled;

    NumberPages(ChannelManagement channels, WhatsAppSettings settings,
            @Value("${maxmysales.public-url:}") String publicUrl,
            @Value("${maxmysales.sandbox.enabled:true}") boolean sandboxEnabled) {
        this.channels = channels;
        this.settings = settings;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.sandboxEnabled = sandboxEnabled;
    }

    @GetMapping(NUMBERS)
    String numbers(@AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        return render(user, model, null);
    }

    @PostMapping(NUMBERS + "/sandbox")
    String connectSandbox(@AuthenticationPrincipal BusinessUserPrincipal user, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        try {
            var channel = channels.connectSandbox(user.workspaceId(), null);
            redirect.addFlashAttribute("connected", channel.id().toString());
            return "redirect:" + NUMBERS;
        } catch (Refusal refused) {
            response.setStatus(refused.kind() == Refusal.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(user, model, refused.getMessage());
        }
    }

    @PostMapping(NUMBERS + "/meta")
    String connectMeta(@AuthenticationPrincipal BusinessUserPrincipal user, @RequestParam String wabaId,
            @RequestParam String phoneNumberId, @RequestParam String accessToken, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        try {
            var connected = channels.connectFromMeta(user.workspaceId(), phoneNumberId, wabaId, Secret.of(accessToken));
            var meta = connected.meta();
            redirect.addFlashAttribute("verifiedName", orUnknown(meta.verifiedName()));
            redirect.addFlashAttribute("qualityRating", orUnknown(meta.qualityRating()));
            redirect.addFlashAttribute("throughputLevel", orUnknown(meta.throughputLevel()));
            redirect.addFlashAttribute("messagingLimit", orUnknown(meta.messagingLimit()));
            return "redirect:" + NUMBERS + "/" + connected.channel().id();
        } catch (Refusal refused) {
            response.setStatus(refused.kind() == Refusal.Kind.UPSTREAM_FAILED ? HttpStatus.BAD_GATEWAY.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("wabaId", wabaId);
            model.addAttribute("phoneNumberId", phoneNumberId);
            return render(user, model, refused.getMessage());
        }
    }

    @GetMapping(NUMBERS + "/{channelId}")
    String number(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID channelId,
            HttpServletRequest request, Model model) {
        return renderNumber(user, channelId, request, model, null);
    }

    /** Polled by the number's page until Meta's first webhook for it has arrived. */
    @GetMapping(NUMBERS + "/{channelId}/webhook-status")
    String webhookStatus(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID channelId,
            Model model) {
        model.addAttribute("number", row(user, channelId));
        return "whatsapp/webhook-status";
    }

    @PostMapping(NUMBERS + "/{channelId}/pace")
    String changePace(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID channelId,
            @RequestParam String messagesPerSecond, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            channels.changePace(user.workspaceId(), channelId, parsePace(messagesPerSecond));
            return "redirect:" + NUMBERS + "/" + channelId;
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderNumber(user, channelId, request, model, refused.getMessage());
        }
    }

    /** Asks for a ticked confirmation, so a stray click disconnects nothing. */
    @PostMapping(NUMBERS + "/{channelId}/disconnect")
    String disconnect(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID channelId,
            @RequestParam(required = false) String confirm, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            row(user, channelId);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return renderNumber(user, channelId, request, model,
                    "tick “Yes, disconnect this number” to confirm: nothing was changed");
        }
        var channel = channels.get(user.workspaceId(), channelId);
        channels.disconnect(user.workspaceId(), channelId);
        redirect.addFlashAttribute("disconnected", channel.displayPhoneNumber());
        return "redirect:" + NUMBERS;
    }

    private String render(BusinessUserPrincipal user, Model model, @Nullable String error) {
        model.addAttribute("numbers", rows(user));
        model.addAttribute("sandboxEnabled", sandboxEnabled);
        model.addAttribute("error", error);
        if (!model.containsAttribute("wabaId")) {
            model.addAttribute("wabaId", "");
            model.addAttribute("phoneNumberId", "");
        }
        if (!model.containsAttribute("connected")) {
            model.addAttribute("connected", null);
        }
        if (!model.containsAttribute("disconnected")) {
            model.addAttribute("disconnected", null);
        }
        return "whatsapp/numbers";
    }

    private String renderNumber(BusinessUserPrincipal user, UUID channelId, HttpServletRequest request, Model model,
            @Nullable String error) {
        model.addAttribute("number", row(user, channelId));
        model.addAttribute("webhookUrl", baseUrl(request) + "/webhooks/whatsapp");
        model.addAttribute("verifyToken", settings.verifyToken());
        model.addAttribute("error", error);
        model.addAttribute("meta", model.containsAttribute("verifiedName")
                ? new MetaAnswer((String) model.getAttribute("verifiedName"), (String) model.getAttribute("qualityRating"),
                        (String) model.getAttribute("throughputLevel"), (String) model.getAttribute("messagingLimit"))
                : null);
        return "whatsapp/number";
    }

    private List<NumberView> rows(BusinessUserPrincipal user) {
        var workspace = user.workspaceId();
        var standings = channels.standings(workspace);
        var heard = channels.firstWebhooks(workspace);
        return channels.list(workspace).stream()
                .map(channel -> new NumberView(channel, standings.getOrDefault(channel.id(), NumberStanding.UNKNOWN),
                        heard.get(channel.id())))
                .toList();
    }

    /** One connected number of the workspace; a disconnected one, or another workspace's, is not found. */
    private NumberView row(BusinessUserPrincipal user, UUID channelId) {
        return rows(user).stream().filter(row -> row.channel().id().equals(channelId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("number " + channelId));
    }

    private String baseUrl(HttpServletRequest request) {
        return publicUrl.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).toUriString() : publicUrl;
    }

    private static int parsePace(String messagesPerSecond) {
        try {
            return Integer.parseInt(messagesPerSecond.strip());
        } catch (NumberFormatException notANumber) {
            throw Refusal.invalid("invalid-request", "Invalid request",
                    "messages per second must be a whole number between 1 and 1000");
        }
    }

    private static String orUnknown(@Nullable String value) {
        return value == null ? "not said" : value;
    }
}
