package com.maxmysales.compliance;

import java.time.Instant;
import java.util.List;

import com.maxmysales.campaigns.MinorExclusions;
import com.maxmysales.contacts.Minors;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;

/** The report's children section: contacts that are minors by contacts' one rule, and what kept them out (P10). */
@Component
class MinorFigures {

    static final String RULE = "A contact is a minor when its attribute \"minor\" is true, its attribute \"age\" is "
            + "under 18, or it has the tag \"minor\" (the platform keeps no birth date).";

    private final Minors minors;
    private final MinorExclusions campaigns;

    MinorFigures(Minors minors, MinorExclusions campaigns) {
        this.minors = minors;
        this.campaigns = campaigns;
    }

    ComplianceReport.Minors of(WorkspaceId workspace, Instant start, Instant end) {
        return new ComplianceReport.Minors(minors.count(workspace), campaigns.between(workspace, start, end),
                List.of("marketing campaigns", "profiling", "the chatbot's AI answers (their words never reach an LLM)"),
                RULE);
    }
}
