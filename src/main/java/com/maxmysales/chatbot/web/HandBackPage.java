package com.maxmysales.chatbot.web;

import java.util.UUID;

import com.maxmysales.chatbot.Chatbot;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.BusinessUserPrincipal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Give back to the bot" in the inbox's thread: owners and admins (who manage the bot), and the agent the conversation
 * is assigned to, who is done with it. Anyone else is answered as if the conversation did not exist.
 */
@Controller
class HandBackPage {

    private final Chatbot chatbot;

    HandBackPage(Chatbot chatbot) {
        this.chatbot = chatbot;
    }

    @PostMapping("/app/chatbot/conversations/{conversationId}/hand-back")
    @RequiresPermission(Permission.MESSAGES_SEND)
    String handBack(WorkspaceId workspace, @AuthenticationPrincipal BusinessUserPrincipal user,
            @PathVariable UUID conversationId, @RequestParam(name = "return", required = false) @Nullable String returnTo,
            RedirectAttributes redirect) {
        if (!user.role().allows(Permission.CHATBOT_MANAGE) && !chatbot.assignedTo(workspace, conversationId, user.userId())) {
            throw Refusal.notFound("conversation " + conversationId);
        }
        chatbot.handBack(workspace, conversationId);
        redirect.addFlashAttribute("done", "Given back to the bot: it answers the customer's next message.");
        return back(returnTo, conversationId);
    }

    /** Back to the inbox page the button was on; never anywhere else (no open redirect). */
    private static String back(@Nullable String returnTo, UUID conversation) {
        if (returnTo != null && returnTo.startsWith("/app/inbox") && !returnTo.contains("..")
                && returnTo.chars().noneMatch(c -> c < 0x21 || c > 0x7e || c == '\\' || c == '{' || c == '}')) {
            return "redirect:" + returnTo;
        }
        return "redirect:/app/inbox/" + conversation;
    }
}
