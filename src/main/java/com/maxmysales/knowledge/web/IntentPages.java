package com.maxmysales.knowledge.web;

import com.maxmysales.knowledge.IntentCatalogue;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The intents page: the examples per intent (added, removed, replaced by a CSV file) and the model's quality in
 * cross-validation, polled while the model is trained again after a change.
 */
@RequiresPermission(Permission.KNOWLEDGE_MANAGE)
@Controller
class IntentPages {

    private final IntentCatalogue intents;

    IntentPages(IntentCatalogue intents) {
        this.intents = intents;
    }

    @GetMapping("/app/chatbot/intents")
    String list(WorkspaceId workspace, Model model) {
        UploadRefusals.none(model);
        return render(workspace, model);
    }

    @GetMapping("/app/chatbot/intents/quality")
    String quality(WorkspaceId workspace, Model model) {
        model.addAttribute("report", intents.quality(workspace));
        return "knowledge/intents-quality";
    }

    @PostMapping("/app/chatbot/intents")
    String add(WorkspaceId workspace, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String intent, HttpServletResponse response, Model model) {
        try {
            intents.add(workspace, text, intent);
        } catch (Refusal refused) {
            return refused(workspace, refused, response, model);
        }
        return "redirect:/app/chatbot/intents";
    }

    @PostMapping("/app/chatbot/intents/remove")
    String remove(WorkspaceId workspace, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String intent) {
        intents.remove(workspace, text, intent);
        return "redirect:/app/chatbot/intents";
    }

    @PostMapping("/app/chatbot/intents/upload")
    String upload(WorkspaceId workspace, @RequestParam("file") MultipartFile file, HttpServletResponse response,
            Model model) throws IOException {
        try (var in = file.getInputStream()) {
            intents.replace(workspace, in);
        } catch (Refusal refused) {
            return refused(workspace, refused, response, model);
        }
        return "redirect:/app/chatbot/intents";
    }

    private String refused(WorkspaceId workspace, Refusal refused, HttpServletResponse response, Model model) {
        UploadRefusals.show(refused, response, model);
        return render(workspace, model);
    }

    private String render(WorkspaceId workspace, Model model) {
        model.addAttribute("listing", intents.list(workspace));
        model.addAttribute("report", intents.quality(workspace));
        return "knowledge/intents";
    }
}
