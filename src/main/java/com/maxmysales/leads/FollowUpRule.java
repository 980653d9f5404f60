package com.maxmysales.leads;

import java.util.List;
import java.util.UUID;

import com.maxmysales.platform.Refusal;


/**
 * What happens to a source's new lead: template {@code templateName} in {@code language}, its body variables
 * filled in order from the lead's answers, sent {@code delaySeconds} after the lead arrived (0: at once) from
 * {@code channelId} (the workspace's first number when null), and the conversation given to the next of
 * {@code agents} in turn (every member who handles conversations when empty).
 *
 * @param marketingQuestion the answer key of the form's marketing opt-in question, if it asks one: only a yes
 *                          to it records marketing consent; null means the usual keys ({@link Answers#MARKETING_KEYS})
 */
public record FollowUpRule(String templateName, String language, List<Variable> variables, Integer delaySeconds,
        UUID channelId, List<UUID> agents, String marketingQuestion) {

    /** @param field an answer key (Meta's field name, Google's column id) or label; @param fallback when unanswered */
    public record Variable(String field, String fallback) {}

    static final int MAX_DELAY_SECONDS = 86_400;

    public FollowUpRule {
        if (templateName == null || templateName.isBlank()) {
            throw invalid("followUp.templateName is required");
        }
        delaySeconds = delaySeconds == null ? 0 : delaySeconds;
        if (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
            throw invalid("followUp.delaySeconds must be between 0 and " + MAX_DELAY_SECONDS);
        }
        language = language == null || language.isBlank() ? "en" : language.strip();
        variables = variables == null ? List.of() : List.copyOf(variables);
        if (variables.stream().anyMatch(variable -> variable == null || variable.field() == null || variable.field().isBlank())) {
            throw invalid("followUp.variables: each needs a field");
        }
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-lead-source", "Invalid lead source", detail);
    }
}
