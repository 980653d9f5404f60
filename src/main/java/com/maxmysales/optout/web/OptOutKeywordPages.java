package com.maxmysales.optout.web;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.optout.OptOutKeywords;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's own opt-out words per language, shown beside the built-in ones: add a word that opts out
 * (or back in), an unsubscribe button's payload, or a built-in word to ignore; remove one.
 */
@Controller
@RequiresPermission(Permission.OPTOUT_MANAGE)
class OptOutKeywordPages {

    private static final String KEYWORDS = "/app/settings/optout-keywords";

    private final OptOutKeywords keywords;

    OptOutKeywordPages(OptOutKeywords keywords) {
        this.keywords = keywords;
    }

    @GetMapping(KEYWORDS)
    String page(WorkspaceId workspace, Model model) {
        return render(workspace, model, null);
    }

    @PostMapping(KEYWORDS)
    String add(WorkspaceId workspace, @RequestParam String language, @RequestParam String kind,
            @RequestParam String keyword, HttpServletResponse response, Model model) {
        try {
            keywords.add(workspace, new OptOutKeywords.Keyword(language.strip().toLowerCase(java.util.Locale.ROOT),
                    kind, keyword));
            return "redirect:" + KEYWORDS;
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(workspace, model, refused.getMessage());
        }
    }

    @PostMapping(KEYWORDS + "/remove")
    String remove(WorkspaceId workspace, @RequestParam String kind, @RequestParam String keyword) {
        keywords.remove(workspace, kind, keyword);
        return "redirect:" + KEYWORDS;
    }

    private String render(WorkspaceId workspace, Model model, @Nullable String error) {
        model.addAttribute("keywords", keywords.list(workspace));
        model.addAttribute("builtInStop", new java.util.TreeMap<>(OptOutKeywords.builtInStopWords()));
        model.addAttribute("builtInStart", new java.util.TreeMap<>(OptOutKeywords.builtInStartWords()));
        model.addAttribute("error", error);
        return "optout/keywords";
    }
}
