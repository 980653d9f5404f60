package com.maxmysales.whatsapp;

/** What Meta tells about a media id: where to download it (for 5 minutes) and what it is. */
public record MediaInfo(String url, String mimeType, long sizeBytes) {
}
