package com.maxmysales.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.maxmysales.messaging.ConversationQueries;
import com.maxmysales.messaging.Message;
import com.maxmysales.messaging.MessageStatus;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.TemplateTexts;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a thread's stored messages and notes into what the page draws: one bubble per message (a reaction sits on
 * the bubble it reacts to), notes between them by time, and a day label on the first entry of each day.
 */
@Component
public class Bubbles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("text", "Text"),
            Map.entry("image", "Photo"), Map.entry("video", "Video"), Map.entry("audio", "Voice or audio"),
            Map.entry("document", "Document"), Map.entry("sticker", "Sticker"), Map.entry("location", "Location"),
            Map.entry("contacts", "Contact card"), Map.entry("interactive", "Reply"), Map.entry("button", "Button reply"),
            Map.entry("reaction", "Reaction"), Map.entry("order", "Order"), Map.entry("system", "System message"),
            Map.entry("call", "Call"), Map.entry("unsupported", "Unsupported message"), Map.entry("template", "Template"));

    private final ConversationQueries conversations;
    private final NoteAuthors names;
    private final JsonMapper json;
    private final Clock clock;
    private final TemplateTexts templates;
    private final WorkspaceManagement workspaces;

    Bubbles(ConversationQueries conversations, NoteAuthors names, JsonMapper json, Clock clock, TemplateTexts templates,
            WorkspaceManagement workspaces) {
        this.templates = templates;
        this.workspaces = workspaces;
        this.conversations = conversations;
        this.names = names;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param messages the thread's messages in this stretch, oldest first
     * @param notes the notes that fall in it
     * @param content false: types, times and ticks only
     */
    public List<Bubble> of(WorkspaceId workspace, List<Message> messages, List<Note> notes, boolean content) {
        var byWamid = messages.stream().filter(message -> message.wamid() != null)
                .collect(Collectors.toMap(Message::wamid, Function.identity(), (a, b) -> a));
        var quoted = quotedOutside(workspace, messages, byWamid, content);
        var reactions = new HashMap<String, List<String>>();
        var entries = new ArrayList<Entry>();
        for (var message : messages) {
            var target = reactionTarget(message);
            if (target != null && byWamid.containsKey(target)) {
                if (content && message.text() != null) {
                    reactions.computeIfAbsent(target, key -> new ArrayList<>()).add(message.text());
                }
                continue;
            }
            entries.add(new Entry(message.createdAt(), message.id().toString(), message, null));
        }
        notes.forEach(note -> entries.add(new Entry(note.createdAt(), note.id().toString(), null, note)));
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::id));
        var bubbles = new ArrayList<Bubble>();
        // Days and times in the workspace's zone, as on every other page: a message at 01:00 in Kolkata is today's.
        var zone = workspaces.get(workspace).timeZone();
        LocalDate day = null;
        for (var entry : entries) {
            var bubble = entry.message() != null ? bubble(workspace, entry.message(), byWamid, quoted, content, zone)
                    : note(workspace, Objects.requireNonNull(entry.note()), content, zone);
            if (entry.message() != null && entry.message().wamid() != null) {
                bubble = bubble.withReactions(reactions.getOrDefault(entry.message().wamid(), List.of()));
            }
            var date = LocalDate.ofInstant(entry.at(), zone);
            if (!date.equals(day)) {
                bubble = bubble.onDay(dayLabel(date, zone));
                day = date;
            }
            bubbles.add(bubble);
        }
        return bubbles;
    }

    private record Entry(Instant at, String id, @Nullable Message message, @Nullable Note note) {}

    private Map<String, Message> quotedOutside(WorkspaceId workspace, List<Message> messages,
            Map<String, Message> byWamid, boolean content) {
        if (!content) {
            return Map.of();
        }
        var missing = new HashSet<String>();
        messages.forEach(message -> {
            if (message.replyToWamid() != null && !byWamid.containsKey(message.replyToWamid())) {
                missing.add(message.replyToWamid());
            }
        });
        var found = new LinkedHashMap<String, Message>(byWamid);
        conversations.byWamids(workspace, missing).forEach(message -> found.put(message.wamid(), message));
        return found;
    }

    private Bubble bubble(WorkspaceId workspace, Message message, Map<String, Message> byWamid,
            Map<String, Message> quoted, boolean content, ZoneId zone) {
        var type = message.type();
        var payload = content ? read(message.payload()) : null;
        var side = "system".equals(type) ? "system" : "inbound".equals(message.direction()) ? "in" : "out";
        var revoked = message.details().revokedAt() != null;
        var showContent = content && !revoked;
        var lines = showContent ? lines(type, payload) : List.<String>of();
        if (showContent && "template".equals(type) && payload != null) {
            var text = templateText(workspace, message, payload);
            if (text != null) {
                lines = List.of(text);
            }
        }
        var label = LABELS.getOrDefault(type, type);
        if ("template".equals(type) && payload != null) {
            label = "Template " + payload.path("name").asString("");
        }
        String quote = null;
        if (content && message.replyToWamid() != null) {
            var original = quoted.getOrDefault(message.replyToWamid(), byWamid.get(message.replyToWamid()));
            quote = original == null ? "an earlier message"
                    : original.text() != null ? original.text() : LABELS.getOrDefault(original.type(), original.type());
        }
        var outbound = "outbound".equals(message.direction());
        var tick = outbound && !"call".equals(type) ? tick(message.status()) : null;
        var failure = message.status() == MessageStatus.FAILED || (!outbound && message.errorCode() != null)
                ? BubbleErrors.inWords(message.errorCode(), message.errorDetail()) : null;
        var media = showContent && MEDIA.contains(type) && message.mediaId() != null ? type : null;
        return new Bubble(message.id().toString(), null, side, type, label, time(message.createdAt(), zone),
                message.createdAt().toString(), showContent ? text(message, payload) : null,
                media == null ? null : message.mediaId(), media, showContent ? mapLink(type, payload) : null, lines,
                quote, List.of(), tick, failure, revoked, message.details().editedAt() != null,
                message.details().forwarded(), message.details().fromBusinessApp() ? "WhatsApp Business app" : null);
    }

    private Bubble note(WorkspaceId workspace, Note note, boolean content, ZoneId zone) {
        return new Bubble(note.id().toString(), null, "note", "note", "Internal note", time(note.createdAt(), zone),
                note.createdAt().toString(), content ? note.text() : null, null, null, null, List.of(), null,
                List.of(), null, null, false, false, false, content ? names.of(workspace, note.authorId()) : null);
    }

    private @Nullable String text(Message message, @Nullable JsonNode payload) {
        if ("call".equals(message.type()) && payload != null) {
            var duration = payload.path("durationSeconds");
            return ("inbound".equals(message.direction()) ? "The customer called" : "The business called") + " · "
                    + payload.path("status").asString("")
                    + (duration.isNumber() ? " · " + duration.asInt() + " s" : "");
        }
        return message.text();
    }

    private static @Nullable String reactionTarget(Message message) {
        return "reaction".equals(message.type()) && message.payload() != null
                ? extract(message.payload(), "\"message_id\"") : null;
    }

    /** A reaction's target without parsing all of it: the payload is Meta's {"message_id": …, "emoji": …}. */
    private static @Nullable String extract(String payload, String key) {
        var at = payload.indexOf(key);
        if (at < 0) {
            return null;
        }
        var start = payload.indexOf('"', payload.indexOf(':', at) + 1);
        var end = start < 0 ? -1 : payload.indexOf('"', start + 1);
        return end < 0 ? null : payload.substring(start + 1, end);
    }

    /** The template as the customer read it, when the catalogue has its text. */
    private @Nullable String templateText(WorkspaceId workspace, Message message, JsonNode payload) {
        var values = new HashMap<String, String>();
        for (var component : payload.path("components")) {
            if (!"body".equalsIgnoreCase(component.path("type").asString(""))) {
                continue;
            }
            var position = 0;
            for (var parameter : component.path("parameters")) {
                position++;
                var value = parameter.path("text").asString("");
                values.put(parameter.has("parameter_name") ? parameter.get("parameter_name").asString()
                        : String.valueOf(position), value);
            }
        }
        return templates.body(workspace, message.channelId(), payload.path("name").asString(""),
                payload.path("language").path("code").asString(""), values);
    }

    private List<String> lines(String type, @Nullable JsonNode payload) {
        if (payload == null) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        switch (type) {
            case "contacts" -> payload.forEach(card -> {
                var phones = new ArrayList<String>();
                card.path("phones").forEach(phone -> phones.add(phone.path("phone").asString(phone.path("wa_id").asString(""))));
                lines.add(card.path("name").path("formatted_name").asString("(no name)")
                        + (phones.isEmpty() ? "" : " · " + String.join(", ", phones)));
            });
            case "template" -> payload.path("components").forEach(component -> component.path("parameters")
                    .forEach(parameter -> {
                        var value = parameter.path("text").asString(parameter.path("payload").asString(""));
                        if (!value.isEmpty()) {
                            lines.add((parameter.has("parameter_name") ? parameter.get("parameter_name").asString() + ": " : "")
                                    + value);
                        }
                    }));
            case "interactive" -> {
                payload.path("action").path("buttons").forEach(button -> lines.add("▸ " + button.path("reply").path("title").asString("")));
                payload.path("action").path("sections").forEach(section -> section.path("rows")
                        .forEach(row -> lines.add("▸ " + row.path("title").asString(""))));
            }
            case "location" -> {
                var address = payload.path("address").asString("");
                if (!address.isEmpty() && !address.equals(payload.path("name").asString(""))) {
                    lines.add(address);
                }
            }
            default -> { }
        }
        return lines;
    }

    private static @Nullable String mapLink(String type, @Nullable JsonNode payload) {
        if (!"location".equals(type) || payload == null) {
            return null;
        }
        var latitude = payload.path("latitude");
        var longitude = payload.path("longitude");
        if (!latitude.isNumber() && !latitude.isString() || !longitude.isNumber() && !longitude.isString()) {
            return null;
        }
        try {
            var lat = Double.parseDouble(latitude.asString());
            var lon = Double.parseDouble(longitude.asString());
            return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=16/" + lat + "/" + lon;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private @Nullable JsonNode read(@Nullable String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.readTree(payload);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String tick(MessageStatus status) {
        return switch (status) {
            case QUEUED, SENDING -> "queued";
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case READ, PLAYED -> "read";
            case FAILED -> "failed";
            case RECEIVED -> "sent";
        };
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    private String dayLabel(LocalDate date, ZoneId zone) {
        var today = LocalDate.ofInstant(clock.instant(), zone);
        if (date.equals(today)) {
            return "Today";
        }
        if (date.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DAY.format(date);
    }
}
