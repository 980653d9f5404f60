package com.maxmysales.optout.web;

import java.util.List;

import com.maxmysales.optout.OptOutKeywords;
import com.maxmysales.shared.WorkspaceId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/optout")
@Tag(name = "Opt-out", description = "Opt-out keywords, email requests and numbers")
class OptOutController {

    private final OptOutKeywords keywords;

    OptOutController(OptOutKeywords keywords) {
        this.keywords = keywords;
    }

    @GetMapping("/keywords")
    @Operation(summary = "The workspace's own opt-out words (built-in STOP, START... and Hindi ones always apply)")
    List<OptOutKeywords.Keyword> keywords(WorkspaceId workspace) {
        return keywords.list(workspace);
    }

    @PutMapping("/keywords")
    @Operation(summary = "Replace the workspace's own words: kind stop, start, button (an unsubscribe payload) or ignore (a built-in word not to use)")
    List<OptOutKeywords.Keyword> replace(WorkspaceId workspace, @RequestBody List<OptOutKeywords.Keyword> body) {
        keywords.replace(workspace, body);
        return keywords.list(workspace);
    }
}
