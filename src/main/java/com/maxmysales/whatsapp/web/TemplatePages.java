package com.maxmysales.whatsapp.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.Permission;
import com.maxmysales.shared.RequiresPermission;
import com.maxmysales.tenancy.BusinessUserPrincipal;
import com.maxmysales.whatsapp.TemplateCatalogue;
import com.maxmysales.whatsapp.TemplateSubmissions;
import com.maxmysales.whatsapp.TemplateViolation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates pages: the list with Meta's review in words, and the builder, which shows a live WhatsApp-style
 * preview (static/js/templates-builder.js) and, after a submit Meta's rules refuse, every violation next to its
 * field.
 */
@Controller
class TemplatePages {

    private static final String TEMPLATES = "/app/templates";

    private final TemplateCatalogue catalogue;
    private final TemplateSubmissions submissions;
    private final JsonMapper json;

    TemplatePages(TemplateCatalogue catalogue, TemplateSubmissions submissions, JsonMapper json) {
        this.catalogue = catalogue;
        this.submissions = submissions;
        this.json = json;
    }

    @GetMapping(TEMPLATES)
    @RequiresPermission(Permission.CHANNELS_VIEW)
    String list(@AuthenticationPrincipal BusinessUserPrincipal user, Model model) {
        model.addAttribute("templates", catalogue.list(user.workspaceId(), null, null, 100).items().stream()
                .map(TemplateRow::of).toList());
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", null);
        }
        return "whatsapp/templates";
    }

    @GetMapping(TEMPLATES + "/new")
    @RequiresPermission(Permission.TEMPLATES_MANAGE)
    String builder(Model model) {
        return render(model, TemplateForm.empty(), Map.of(), null);
    }

    @PostMapping(TEMPLATES + "/new")
    @RequiresPermission(Permission.TEMPLATES_MANAGE)
    String submit(@AuthenticationPrincipal BusinessUserPrincipal user, @ModelAttribute TemplateForm form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var built = form.components(json);
        try {
            var submitted = submissions.submit(user.workspaceId(), new TemplateSubmissions.Submission(form.name(),
                    form.language(), form.category(), form.named() ? "NAMED" : "POSITIONAL", built.components(), null));
            redirect.addFlashAttribute("submitted", submitted.template().name());
            return "redirect:" + TEMPLATES;
        } catch (Refusal refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            var errors = new LinkedHashMap<String, String>();
            if (refused.extensions().get("violations") instanceof List<?> listed) {
                for (var item : listed) {
                    if (item instanceof Map<?, ?> violation) {
                        var found = new TemplateViolation(String.valueOf(violation.get("field")),
                                String.valueOf(violation.get("message")));
                        errors.merge(built.formField(found), found.message(), (a, b) -> a + " " + b);
                    }
                }
                return render(model, form, errors, null);
            }
            return render(model, form, errors, refused.getMessage());
        }
    }

    private static String render(Model model, TemplateForm form, Map<String, String> errors, String error) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        return "whatsapp/template-builder";
    }
}
