package com.maxmysales.knowledge.web;

import com.maxmysales.knowledge.FaqCatalogue;
import com.maxmysales.knowledge.FaqTrial;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The FAQ page: the entries (added, changed, deleted), a CSV upload that replaces them, and a "try a question" box. */
@RequiresPermission(Permission.KNOWLEDGE_MANAGE)
@Controller
class FaqPages {

    private final FaqCatalogue faq;

    FaqPages(FaqCatalogue faq) {
        this.faq = faq;
    }

    @GetMapping("/app/chatbot/faq")
    String list(WorkspaceId workspace, @RequestParam(defaultValue = "") String q, Model model) {
        UploadRefusals.none(model);
        return render(workspace, q, model);
    }

    @PostMapping("/app/chatbot/faq")
    String add(WorkspaceId workspace, @RequestParam(defaultValue = "") String question,
            @RequestParam(defaultValue = "") String answer, HttpServletResponse response, Model model) {
        try {
            faq.add(workspace, question, answer);
        } catch (Refusal refused) {
            return refused(workspace, refused, response, model);
        }
        return "redirect:/app/chatbot/faq";
    }

    @PostMapping("/app/chatbot/faq/{entryId}")
    String edit(WorkspaceId workspace, @PathVariable UUID entryId, @RequestParam(defaultValue = "") String question,
            @RequestParam(defaultValue = "") String answer, HttpServletResponse response, Model model) {
        try {
            faq.edit(workspace, entryId, question, answer);
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                throw refused;
            }
            return refused(workspace, refused, response, model);
        }
        return "redirect:/app/chatbot/faq";
    }

    @PostMapping("/app/chatbot/faq/{entryId}/delete")
    String delete(WorkspaceId workspace, @PathVariable UUID entryId) {
        faq.delete(workspace, entryId);
        return "redirect:/app/chatbot/faq";
    }

    @PostMapping("/app/chatbot/faq/upload")
    String upload(WorkspaceId workspace, @RequestParam("file") MultipartFile file, HttpServletResponse response,
            Model model) throws IOException {
        try (var in = file.getInputStream()) {
            faq.replace(workspace, in);
        } catch (Refusal refused) {
            return refused(workspace, refused, response, model);
        }
        return "redirect:/app/chatbot/faq";
    }

    private String refused(WorkspaceId workspace, Refusal refused, HttpServletResponse response, Model model) {
        UploadRefusals.show(refused, response, model);
        return render(workspace, "", model);
    }

    private String render(WorkspaceId workspace, String q, Model model) {
        model.addAttribute("listing", faq.list(workspace));
        model.addAttribute("q", q);
        model.addAttribute("trial", q.isBlank() ? null : trial(workspace, q));
        return "knowledge/faq";
    }

    private FaqTrial trial(WorkspaceId workspace, String q) {
        return faq.tryQuestion(workspace, q.length() > KnowledgeApiController.MAX_TEXT
                ? q.substring(0, KnowledgeApiController.MAX_TEXT) : q);
    }
}
