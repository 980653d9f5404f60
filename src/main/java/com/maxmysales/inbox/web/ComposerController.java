package com.maxmysales.inbox.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.maxmysales.inbox.ComposerSender;
import com.maxmysales.inbox.Notes;
import com.maxmysales.inbox.ThreadAccess;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the thread page's composer posts: a reply, a template, a file, a note. Each answers with a redirect to the
 * thread (post-redirect-get), saying why when a send was refused; each carries a key, so a form posted twice sends
 * once.
 */
@RequiresPermission(Permission.MESSAGES_SEND)
@Controller
class ComposerController {

    private final ThreadAccess access;
    private final ComposerSender sender;
    private final Notes notes;

    ComposerController(ThreadAccess access, ComposerSender sender, Notes notes) {
        this.access = access;
        this.sender = sender;
        this.notes = notes;
    }

    @PostMapping("/app/inbox/{conversationId}/reply")
    String reply(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            @RequestParam(defaultValue = "") String text, @RequestParam String sendKey, RedirectAttributes redirect) {
        var conversation = access.open(user, conversationId).conversation();
        return back(conversationId, sender.reply(user.workspaceId(), user.userId(), conversation, text, sendKey), redirect);
    }

    /** @param template {@code name:language} as the composer lists it */
    @PostMapping("/app/inbox/{conversationId}/template")
    String template(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            @RequestParam String template,
            @RequestParam(name = "value", required = false) @Nullable List<String> values,
            @RequestParam String sendKey, RedirectAttributes redirect) {
        var conversation = access.open(user, conversationId).conversation();
        var colon = template.lastIndexOf(':');
        if (colon <= 0) {
            throw Refusal.invalid("invalid-template", "Invalid template", "choose a template from the list");
        }
        return back(conversationId, sender.template(user.workspaceId(), user.userId(), conversation, template.substring(0, colon),
                template.substring(colon + 1), values == null ? List.of() : values, sendKey), redirect);
    }

    @PostMapping(path = "/app/inbox/{conversationId}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attachment(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable String caption,
            @RequestParam String sendKey, RedirectAttributes redirect) throws IOException {
        var conversation = access.open(user, conversationId).conversation();
        // The servlet container spooled the part to disk within its limits; it is streamed on from there.
        return back(conversationId, sender.attachment(user.workspaceId(), user.userId(), conversation, file, file.getSize(),
                file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType(),
                file.getOriginalFilename(), caption, sendKey), redirect);
    }

    @PostMapping("/app/inbox/{conversationId}/notes")
    String note(@AuthenticationPrincipal BusinessUserPrincipal user, @PathVariable UUID conversationId,
            @RequestParam(defaultValue = "") String text, @RequestParam String sendKey, RedirectAttributes redirect) {
        access.open(user, conversationId);
        notes.add(user.workspaceId(), conversationId, user.userId(), text, "page:" + user.userId() + ":" + sendKey);
        return "redirect:/app/inbox/" + conversationId;
    }

    /** A refusal travels in the session's flash, never in the address: a link cannot put words in the page. */
    private static String back(UUID conversationId, ComposerSender.Sent sent, RedirectAttributes redirect) {
        if (!sent.queued()) {
            redirect.addFlashAttribute("refused", sent.refused());
        }
        return "redirect:/app/inbox/" + conversationId;
    }
}
