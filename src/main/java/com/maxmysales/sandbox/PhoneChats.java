package com.maxmysales.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.maxmysales.sandbox.ChatMessage.Tick;

import org.springframework.stereotype.Component;

/**
 * The conversations the phone simulator shows, between business numbers and customers. Kept in memory
 * only, and bounded (the newest chats, the last messages of each), because the sandbox is a development
 * tool that is off in production: nothing here needs to survive a restart or be seen by another node.
 */
@Component
@WhenSandboxEnabled
public class PhoneChats {

    static final int MESSAGES_PER_CHAT = 200;
    static final int CHATS = 1_000;
    /** The characters of all chats together: past it the least recently used chats go. */
    static final long MAX_CHARS = 8_000_000;

    /** @param version grows with every change, so a poller can ask "anything new since N?" */
    public record Snapshot(long version, List<ChatMessage> messages) {
    }

    private record Key(String phoneNumberId, String waId) {
    }

    private static final class Chat {

        final List<ChatMessage> messages = new ArrayList<>();
        long version;
    }

    private final Map<Key, Chat> chats = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    public synchronized Snapshot chat(String phoneNumberId, String waId) {
        var chat = chats.get(new Key(phoneNumberId, waId));
        return chat == null ? new Snapshot(0, List.of()) : new Snapshot(chat.version, List.copyOf(chat.messages));
    }

    synchronized void add(String phoneNumberId, String waId, ChatMessage message) {
        var chat = chats.computeIfAbsent(new Key(phoneNumberId, waId), key -> new Chat());
        chat.messages.add(message);
        chars += size(message);
        if (chat.messages.size() > MESSAGES_PER_CHAT) {
            chars -= size(chat.messages.removeFirst());
        }
        chat.version++;
        for (var eldest = chats.entrySet().iterator(); (chats.size() > CHATS || chars > MAX_CHARS) && eldest.hasNext(); ) {
            var doomed = eldest.next().getValue();
            if (doomed != chat) {
                chars -= doomed.messages.stream().mapToLong(PhoneChats::size).sum();
                eldest.remove();
            }
        }
    }

    private static long size(ChatMessage message) {
        return message.text() == null ? 0 : message.text().length();
    }

    synchronized void tick(String phoneNumberId, String waId, String wamid, Tick tick, String problem) {
        var chat = chats.get(new Key(phoneNumberId, waId));
        if (chat == null) {
            return;
        }
        for (var i = chat.messages.size() - 1; i >= 0; i--) {
            var message = chat.messages.get(i);
            if (message.wamid().equals(wamid)) {
                var advanced = message.advancedTo(tick, problem);
                if (advanced != message) {
                    chat.messages.set(i, advanced);
                    chat.version++;
                }
                return;
            }
        }
    }
}
