package com.maxmysales.whatsapp.message;

import java.util.Locale;

import com.maxmysales.whatsapp.MediaKind;

/**
 * An image, video, document, audio or sticker.
 *
 * @param caption shown under images, videos and documents; audio and stickers take none
 * @param filename a document's name as the customer sees it
 */
public record Media(MediaKind kind, MediaSource source, String caption, String filename) implements WhatsAppMessage {

    public static final int MAX_CAPTION = 1024;

    public Media {
        InvalidMessage.require(kind != null && source != null, "media needs a kind and exactly one of link or id");
        InvalidMessage.require(caption == null || kind != MediaKind.AUDIO && kind != MediaKind.STICKER,
                type(kind) + " takes no caption");
        InvalidMessage.atMost(caption, MAX_CAPTION, type(kind) + ".caption");
        InvalidMessage.require(filename == null || kind == MediaKind.DOCUMENT, "only a document has a filename");
    }

    public static Media of(MediaKind kind, MediaSource source) {
        return new Media(kind, source, null, null);
    }

    @Override
    public String type() {
        return type(kind);
    }

    @Override
    public String preview() {
        return caption != null ? caption : filename;
    }

    static String type(MediaKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
