package com.maxmysales.whatsapp.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.Channel;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.NumberSignals;

import org.springframework.stereotype.Component;

/**
 * The workspaces a webhook's notifications are for, found as {@link NotificationRouter} finds them (by phone-number
 * id, or by the WhatsApp Business Account), so that a parked event can tell the operator whom it concerns.
 */
@Component
class EventWorkspaces {

    private final ChannelManagement channels;

    EventWorkspaces(ChannelManagement channels) {
        this.channels = channels;
    }

    Set<WorkspaceId> of(List<Notification> notifications) {
        var workspaces = new HashSet<WorkspaceId>();
        for (var notification : notifications) {
            switch (notification) {
                case Notification.Message message -> addNumber(workspaces, message.phoneNumberId());
                case Notification.Status status -> addNumber(workspaces, status.phoneNumberId());
                case Notification.Preference preference -> addNumber(workspaces, preference.phoneNumberId());
                case Notification.Echo echo -> addNumber(workspaces, echo.phoneNumberId());
                case Notification.Call call -> addNumber(workspaces, call.phoneNumberId());
                case Notification.NumberChange change -> addNumber(workspaces, change.phoneNumberId());
                case Notification.TemplateSignal template ->
                        workspaces.addAll(channels.workspacesOfWaba(template.update().wabaId()));
                case Notification.Signal signal -> workspaces.addAll(channels.workspacesOfWaba(wabaOf(signal.update())));
                // Whatever else Meta sends names no workspace this platform can tell.
                default -> { }
            }
        }
        return workspaces;
    }

    private void addNumber(Set<WorkspaceId> workspaces, String phoneNumberId) {
        if (phoneNumberId != null) {
            channels.byPhoneNumberId(phoneNumberId).map(Channel::workspaceId).ifPresent(workspaces::add);
        }
    }

    private static String wabaOf(NumberSignals.Update update) {
        return switch (update) {
            case NumberSignals.QualityUpdate quality -> quality.wabaId();
            case NumberSignals.NameUpdate name -> name.wabaId();
            case NumberSignals.AccountUpdate account -> account.wabaId();
        };
    }
}
