package com.maxmysales.sandbox.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.maxmysales.sandbox.GraphMessages.Accepted;
import com.maxmysales.sandbox.SandboxLeads.Lead;
import com.maxmysales.sandbox.SandboxTemplates.Template;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The Graph API's answers, in Meta's snake_case field names; nulls are left out. */
final class GraphBodies {

    private GraphBodies() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SendResponse(String messagingProduct, List<SentContact> contacts, List<SentMessage> messages) {

        static SendResponse of(Accepted accepted) {
            return new SendResponse("whatsapp",
                    List.of(new SentContact(accepted.input(), accepted.waId(), accepted.userId())),
                    List.of(new SentMessage(accepted.wamid(), accepted.paced() ? "accepted" : null)));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SentContact(String input, String waId, String userId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SentMessage(String id, String messageStatus) {
    }

    record Success(boolean success) {

        static final Success TRUE = new Success(true);
    }

    record Created(String id) {
    }

    /** @param fileSize a string in Meta's documentation of this call */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MediaInfo(String messagingProduct, String url, String mimeType, String sha256, String fileSize, String id) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PhoneNumberInfo(String verifiedName, String displayPhoneNumber, String qualityRating,
            String codeVerificationStatus, String platformType, Throughput throughput,
            String whatsappBusinessManagerMessagingLimit, String id) {
    }

    record Throughput(String level) {
    }

    record TemplateSubmitted(String id, String status, String category) {
    }

    record TemplateList(List<TemplateInfo> data, TemplatePaging paging) {
    }

    /** Meta's paging of templates: {@code next} only when there is a page after this one. */
    record TemplatePaging(Cursors cursors, String next) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TemplateInfo(String name, JsonNode components, String language, String status, String category, String id,
            String rejectedReason, String parameterFormat) {

        static TemplateInfo of(Template template) {
            return new TemplateInfo(template.name(), template.components(), template.language(), template.status(),
                    template.category(), template.id(), template.rejectedReason(), template.parameterFormat());
        }
    }

    /** The sandbox answers every list in one page; cursors are there because clients expect them. */
    record Paging(Cursors cursors) {
    }

    record Cursors(String before, String after) {
    }

    /** @param createdTime ISO-8601 with a {@code +0000} offset, as the Graph API writes it (not Unix seconds) */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LeadInfo(String id, String createdTime, String formId, JsonNode fieldData, boolean isOrganic, String platform) {

        private static final DateTimeFormatter GRAPH_TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

        static LeadInfo of(Lead lead) {
            return new LeadInfo(lead.id(), GRAPH_TIME.format(lead.createdTime()), lead.formId(), lead.fieldData(),
                    false, "fb");
        }
    }

    record LeadList(List<LeadInfo> data, Paging paging) {
    }
}
