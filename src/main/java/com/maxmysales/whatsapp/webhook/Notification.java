package com.maxmysales.whatsapp.webhook;

import java.time.Instant;
import java.util.List;

import com.maxmysales.whatsapp.DeliveryStatus;
import com.maxmysales.whatsapp.InboundMessage;
import com.maxmysales.whatsapp.NumberSignals;
import com.maxmysales.whatsapp.TemplateCatalogue;
import com.maxmysales.whatsapp.WhatsAppCall;
import com.maxmysales.whatsapp.WhatsAppError;
import com.maxmysales.whatsapp.WhatsAppSender;
import com.maxmysales.whatsapp.WhatsAppStatusReceived;

/** One thing a webhook POST told us; a POST may batch up to a thousand of them. */
sealed interface Notification {

    record Message(String phoneNumberId, WhatsAppSender sender, InboundMessage message) implements Notification {}

    record Status(String phoneNumberId, String wamid, DeliveryStatus status, Instant timestamp, String recipientId,
            String callbackData, List<WhatsAppError> errors, WhatsAppStatusReceived.Pricing pricing)
            implements Notification {}

    /** The sender of a {@code user_changed_number} system message has a new number, {@code newWaId}. */
    record NumberChange(String phoneNumberId, String oldWaId, String newWaId) implements Notification {}

    record Preference(String phoneNumberId, WhatsAppSender sender, boolean stopped, Instant timestamp)
            implements Notification {}

    /** Meta's word on a message template of an account: its review, quality or category. Named by the account. */
    record TemplateSignal(TemplateCatalogue.Update update) implements Notification {}

    /** A message the business sent from the WhatsApp Business app on a coexistence number, echoed by Meta. */
    record Echo(String phoneNumberId, WhatsAppSender customer, InboundMessage message) implements Notification {}

    /** A call with a customer on a connected number rang, was answered, rejected or ended. */
    record Call(String phoneNumberId, WhatsAppSender customer, WhatsAppCall call) implements Notification {}

    /**
     * Meta's word on a number or its WhatsApp Business Account: quality and tier, display-name review, a ban,
     * restriction, violation, verification or review. Named by the account, not a phone-number id.
     */
    record Signal(NumberSignals.Update update) implements Notification {}

    /** A field we receive but do not act on (template component updates, business capability updates...). */
    record Unhandled(String field) implements Notification {}
}
