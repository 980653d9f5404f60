package com.maxmysales.sandbox;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The webhook documents Meta sends (envelope, statuses, template status updates, leads), as records that the
 * webhook mapper writes in snake_case with nulls left out.
 */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    record Notification(String object, List<Entry> entry) {

        static Notification of(Entry entry) {
            return new Notification("whatsapp_business_account", List.of(entry));
        }

        /** Lead Ads come as Facebook page webhooks, with the page as the entry. */
        static Notification page(Entry entry) {
            return new Notification("page", List.of(entry));
        }
    }

    /** @param time Unix seconds, present on template webhooks only */
    record Entry(String id, Long time, List<Change> changes) {
    }

    record Change(String field, Object value) {
    }

    record MessagesValue(String messagingProduct, Metadata metadata, List<Contact> contacts, List<JsonNode> messages,
            List<Status> statuses) {

        static MessagesValue inbound(SandboxAccount number, Contact contact, JsonNode message) {
            return new MessagesValue("whatsapp", Metadata.of(number), List.of(contact), List.of(message), null);
        }

        static MessagesValue statuses(SandboxAccount number, List<Status> statuses) {
            return new MessagesValue("whatsapp", Metadata.of(number), null, null, statuses);
        }
    }

    record Metadata(String displayPhoneNumber, String phoneNumberId) {

        static Metadata of(SandboxAccount number) {
            return new Metadata(number.displayDigits(), number.objectId());
        }
    }

    record Contact(Profile profile, String waId, String userId) {
    }

    record Profile(String name) {
    }

    /** @param timestamp Unix seconds as a string, as Meta sends it */
    record Status(String id, String status, String timestamp, String recipientId, String bizOpaqueCallbackData,
            Pricing pricing, List<ErrorItem> errors) {
    }

    /** Per-message pricing (PMP) as of July 2025; the {@code conversation} object is gone from v24.0. */
    record Pricing(boolean billable, String pricingModel, String type, String category) {

        static Pricing template(String category, boolean windowOpen) {
            // Utility templates are free inside an open customer-service window; everything else is charged.
            var free = windowOpen && "utility".equals(category);
            return new Pricing(!free, "PMP", free ? "free_customer_service" : "regular", category);
        }

        static Pricing service() {
            return new Pricing(false, "PMP", "free_customer_service", "service");
        }
    }

    record ErrorItem(int code, String title, String message, ErrorData errorData, String href) {

        static ErrorItem of(MetaError error) {
            return new ErrorItem(error.code(), error.title(), error.title(), new ErrorData(error.details()), MetaError.HREF);
        }
    }

    record ErrorData(String details) {
    }

    /**
     * @param messageTemplateId a JSON number here, unlike every other id
     * @param rejectionInfo Meta's explanation of a rejection, null otherwise
     */
    record TemplateStatusValue(String event, long messageTemplateId, String messageTemplateName,
            String messageTemplateLanguage, String reason, String messageTemplateCategory, RejectionInfo rejectionInfo) {
    }

    record RejectionInfo(String reason, String recommendation) {
    }

    /** IDs only, as Meta sends them: the lead itself is fetched with {@code GET /{leadgen-id}}. */
    record LeadgenValue(String leadgenId, String pageId, String formId, long createdTime) {
    }
}
