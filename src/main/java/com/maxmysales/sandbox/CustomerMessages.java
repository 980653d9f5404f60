package com.maxmysales.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import com.maxmysales.sandbox.ChatMessage.Tick;
import com.maxmysales.sandbox.SandboxSettings.Customer;
import com.maxmysales.sandbox.WebhookPayloads.Change;
import com.maxmysales.sandbox.WebhookPayloads.Contact;
import com.maxmysales.sandbox.WebhookPayloads.Entry;
import com.maxmysales.sandbox.WebhookPayloads.MessagesValue;
import com.maxmysales.sandbox.WebhookPayloads.Notification;
import com.maxmysales.sandbox.WebhookPayloads.Profile;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A customer writes to a business number: the sandbox sends the platform the signed {@code messages}
 * webhook Meta would, opens the customer's 24-hour window and shows the message in the phone simulator.
 * Only to a sandbox number of the caller's workspace: the sandbox signs with the real app secret, so a
 * message it wrote to any other number would be indistinguishable from Meta's.
 */
@Component
@WhenSandboxEnabled
public class CustomerMessages {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{7,15}");

    private final SandboxRegistry registry;
    private final SandboxSettings settings;
    private final CustomerWindows windows;
    private final PhoneChats chats;
    private final WebhookDelivery delivery;
    private final Clock clock;

    CustomerMessages(SandboxRegistry registry, SandboxSettings settings, CustomerWindows windows, PhoneChats chats, WebhookDelivery delivery,
            Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.windows = windows;
        this.chats = chats;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Sends the webhook in the background and answers the new message's wamid at once.
     *
     * @throws UnknownNumber when {@code message.to()} is not a sandbox number of the workspace
     */
    public String write(WorkspaceId workspace, String phone, InboundMessage message) {
        var number = registry.number(workspace, message.to()).orElseThrow(() -> new UnknownNumber(message.to()));
        if (phone == null || !PHONE.matcher(phone).matches()) {
            throw new InboundMessage.Rejected("the customer's phone must be an E.164 number such as +919811122233");
        }
        var waId = SandboxIds.digits(phone);
        var wamid = SandboxIds.wamid(waId);
        var now = clock.instant();
        var contact = new Contact(new Profile(nameOf(waId, message.name())), waId, SandboxIds.userIdOf(waId));
        var value = MessagesValue.inbound(number, contact, messageObject(waId, wamid, now.getEpochSecond(), message));

        windows.customerWrote(message.to(), waId);
        chats.add(message.to(), waId, ChatMessage.plain(wamid, true, ChatTexts.text(message.type(), message.content()),
                Tick.PENDING, now, List.of()));
        delivery.deliver(Notification.of(new Entry(number.wabaId(), null,
                        List.of(new Change("messages", value)))))
                .thenAccept(result -> chats.tick(message.to(), waId, wamid,
                        result.delivered() ? Tick.DELIVERED : Tick.FAILED,
                        result.delivered() ? null : "the platform's webhook answered "
                                + (result.status() == 0 ? "nothing" : "HTTP " + result.status())));
        return wamid;
    }

    /** The profile name: as given, else the configured customer's, else the number (WhatsApp shows that too). */
    public String nameOf(String waId, String given) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return settings.customers().stream()
                .filter(customer -> SandboxIds.digits(customer.phone()).equals(waId))
                .map(Customer::name)
                .findFirst()
                .orElse("+" + waId);
    }

    private static JsonNode messageObject(String waId, String wamid, long timestamp, InboundMessage message) {
        var object = JsonNodeFactory.instance.objectNode();
        if (message.context() != null) {
            object.set("context", message.context());
        }
        object.put("from", waId)
                .put("id", wamid)
                .put("timestamp", String.valueOf(timestamp))
                .put("type", message.type())
                .set(message.type(), message.content());
        if (message.referral() != null) {
            object.set("referral", message.referral());
        }
        return object;
    }
}
