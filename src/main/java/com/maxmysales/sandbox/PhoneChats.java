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

    /** @param version grows with every change, so a poller can ask "anything new since N?" */
    public record Snapshot(long version, List<ChatMessage> messages) {
    }

    private record Key(String phoneNumberId, String waId) {
    }

    private static final class Chat {

        final List<ChatMessage> messages = new ArrayList<>();
        long version;
    }

    private final Map<Key, Chat> chats = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Chat> eldest) {
            return size() > CHATS;
        }
    };

    public synchronized Snapshot chat(String phoneNumberId, String waId) {
        var chat = chats.get(new Key(phoneNumberId, waId));
        return chat == null ? new Snapshot(0, List.of()) : new Snapshot(chat.version, List.copyOf(chat.messages));
    }

    synchronized void add(String phoneNumberId, String waId, ChatMessage message) {
        var chat = chats.computeIfAbsent(new Key(phoneNumberId, waId), key -> new Chat());
        chat.messages.add(message);
        if (chat.messages.size() > MESSAGES_PER_CHAT) {
            chat.messages.removeFirst();
        }
        chat.version++;
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
