package com.maxmysales.knowledge.web;

import com.maxmysales.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * How the FAQ and intents pages show a refused change (an upload, an added or edited entry): the status the API
 * would answer (413 for a file over a limit, 422 otherwise), the reason, and every bad row of the file.
 */
final class UploadRefusals {

    private UploadRefusals() {
    }

    /** The page as it is without a refusal: no reason, no rows. */
    static void none(Model model) {
        model.addAttribute("error", null);
        model.addAttribute("rowErrors", List.of());
    }

    static void show(Refusal refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.kind() == Refusal.Kind.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE.value()
                : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("error", refused.getMessage());
        model.addAttribute("rowErrors", refused.extensions().get("errors") instanceof List<?> errors
                ? errors.stream().map(String::valueOf).toList() : List.of());
    }
}
