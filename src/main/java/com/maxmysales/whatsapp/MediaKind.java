package com.maxmysales.whatsapp;

import java.util.Locale;
import java.util.Optional;

/** WhatsApp's media types and Meta's size limit for each (Cloud API media reference). */
public enum MediaKind {
    IMAGE(5 * MediaKind.MB),
    VIDEO(16 * MediaKind.MB),
    AUDIO(16 * MediaKind.MB),
    DOCUMENT(100 * MediaKind.MB),
    /** Meta allows 100 KB for a static sticker and 500 KB for an animated one; the larger is checked. */
    STICKER(500 * 1024L);

    private static final long MB = 1024 * 1024;

    private final long maxBytes;

    MediaKind(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The kind of an inbound message type ({@code image}, {@code document}...); empty for a type without media. */
    public static Optional<MediaKind> ofMessageType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "image" -> Optional.of(IMAGE);
            case "video" -> Optional.of(VIDEO);
            case "audio" -> Optional.of(AUDIO);
            case "document" -> Optional.of(DOCUMENT);
            case "sticker" -> Optional.of(STICKER);
            default -> Optional.empty();
        };
    }

    /** The kind Meta files an upload of this MIME type under: webp images are stickers, unknown types documents. */
    public static MediaKind ofMimeType(String mimeType) {
        var base = mimeType == null ? "" : mimeType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals("image/webp")) {
            return STICKER;
        }
        if (base.startsWith("image/")) {
            return IMAGE;
        }
        if (base.startsWith("video/")) {
            return VIDEO;
        }
        if (base.startsWith("audio/")) {
            return AUDIO;
        }
        return DOCUMENT;
    }
}
