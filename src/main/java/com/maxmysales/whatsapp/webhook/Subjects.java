package com.maxmysales.whatsapp.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.maxmysales.shared.PhoneNumber;
import com.maxmysales.whatsapp.WhatsAppSender;

import org.jspecify.annotations.Nullable;

/** The phone numbers of the people a webhook's notifications are about. */
final class Subjects {

    private Subjects() {
    }

    static Set<PhoneNumber> of(List<Notification> notifications) {
        var phones = new HashSet<PhoneNumber>();
        for (var notification : notifications) {
            switch (notification) {
                case Notification.Message message -> add(phones, message.sender());
                case Notification.Preference preference -> add(phones, preference.sender());
                case Notification.NumberChange change -> {
                    add(phones, change.oldWaId());
                    add(phones, change.newWaId());
                }
                case Notification.Status status -> add(phones, status.recipientId());
                case Notification.Echo echo -> add(phones, echo.customer());
                case Notification.Call call -> add(phones, call.customer());
                case Notification.TemplateSignal template -> { }
                case Notification.Signal signal -> { }
                case Notification.Unhandled unhandled -> { }
            }
        }
        return phones;
    }

    private static void add(Set<PhoneNumber> phones, @Nullable WhatsAppSender sender) {
        if (sender != null) {
            add(phones, sender.waId());
        }
    }

    private static void add(Set<PhoneNumber> phones, @Nullable String waId) {
        try {
            if (waId != null) {
                phones.add(PhoneNumber.fromWhatsAppId(waId));
            }
        } catch (IllegalArgumentException notANumber) {
            // A group id or a malformed id names no person's number.
        }
    }
}
