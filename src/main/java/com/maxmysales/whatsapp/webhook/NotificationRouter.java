package com.maxmysales.whatsapp.webhook;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.maxmysales.whatsapp.BusinessAppMessageEchoed;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.MarketingPreferenceChanged;
import com.maxmysales.whatsapp.NumberSignals;
import com.maxmysales.whatsapp.TemplateCatalogue;
import com.maxmysales.whatsapp.WhatsAppCallReceived;
import com.maxmysales.whatsapp.WhatsAppMessageReceived;
import com.maxmysales.whatsapp.WhatsAppNumberChanged;
import com.maxmysales.whatsapp.WhatsAppStatusReceived;
import com.maxmysales.whatsapp.WhatsAppStatusesReceived;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Finds the workspace each notification belongs to (by the phone-number id, or the WABA id for templates)
 * and publishes it as this module's event; Meta's word on a number or its account goes to {@link NumberSignals},
 * on a template to {@link TemplateCatalogue}. Notifications for numbers no workspace connected are not
 * applied; the caller flags their webhook event as unroutable.
 */
@Component
class NotificationRouter {

    private static final Logger log = LoggerFactory.getLogger(NotificationRouter.class);

    private final ChannelManagement channels;
    private final ApplicationEventPublisher events;
    private final NumberSignals signals;
    private final TemplateCatalogue templates;

    NotificationRouter(ChannelManagement channels, ApplicationEventPublisher events, NumberSignals signals,
            TemplateCatalogue templates) {
        this.channels = channels;
        this.events = events;
        this.signals = signals;
        this.templates = templates;
    }

    /**
     * Publishes each notification as this module's event, except delivery statuses, which it adds to
     * {@code statuses} for {@link #publish(List)} to publish with the rest of the batch's.
     *
     * @return false when any notification named a number or account no workspace has connected
     */
    boolean route(List<Notification> notifications, List<WhatsAppStatusReceived> statuses) {
        var allRouted = true;
        for (var notification : notifications) {
            allRouted &= switch (notification) {
                case Notification.Message message -> publishFor(message.phoneNumberId(), channel ->
                        new WhatsAppMessageReceived(channel.workspaceId(), channel.id(), message.sender(), message.message()));
                case Notification.Status status -> routeTo(status.phoneNumberId(), channel -> statuses.add(
                        new WhatsAppStatusReceived(channel.workspaceId(), channel.id(), status.wamid(), status.status(),
                                status.timestamp(), status.recipientId(), status.callbackData(), status.errors(),
                                status.pricing())));
                case Notification.NumberChange change -> publishFor(change.phoneNumberId(), channel ->
                        new WhatsAppNumberChanged(channel.workspaceId(), channel.id(), change.oldWaId(), change.newWaId()));
                case Notification.Preference preference -> publishFor(preference.phoneNumberId(), channel ->
                        new MarketingPreferenceChanged(channel.workspaceId(), channel.id(), preference.sender(),
                                preference.stopped(), preference.timestamp()));
                case Notification.TemplateSignal template -> templates.apply(template.update());
                case Notification.Echo echo -> publishFor(echo.phoneNumberId(), channel ->
                        new BusinessAppMessageEchoed(channel.workspaceId(), channel.id(), echo.customer(), echo.message()));
                case Notification.Call call -> publishFor(call.phoneNumberId(), channel ->
                        new WhatsAppCallReceived(channel.workspaceId(), channel.id(), call.customer(), call.call()));
                case Notification.Signal signal -> signals.apply(signal.update());
                case Notification.Unhandled unhandled -> {
                    log.debug("Ignoring webhook field {}", unhandled.field());
                    yield true;
                }
            };
        }
        return allRouted;
    }

    /** The delivery statuses a batch routed, as one event: they are applied in one statement. */
    void publish(List<WhatsAppStatusReceived> statuses) {
        if (!statuses.isEmpty()) {
            events.publishEvent(new WhatsAppStatusesReceived(statuses));
        }
    }

    private boolean publishFor(String phoneNumberId, Function<Channel, Object> event) {
        return routeTo(phoneNumberId, channel -> events.publishEvent(event.apply(channel)));
    }

    private boolean routeTo(String phoneNumberId, java.util.function.Consumer<Channel> action) {
        var channel = phoneNumberId == null ? Optional.<Channel>empty() : channels.byPhoneNumberId(phoneNumberId);
        channel.ifPresent(found -> {
            channels.heardFrom(found);
            action.accept(found);
        });
        return channel.isPresent();
    }
}
