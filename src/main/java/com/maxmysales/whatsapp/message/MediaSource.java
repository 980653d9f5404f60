package com.maxmysales.whatsapp.message;

/** Where Meta takes a media file from: a public HTTPS link it fetches, or a file uploaded to it before. */
public sealed interface MediaSource {

    /** @param url public and https, as Meta fetches it without credentials */
    record Link(String url) implements MediaSource {
        public Link {
            InvalidMessage.require(url != null && url.startsWith("https://"), "the media link must be a public https URL");
        }
    }

    /** @param id the media id Meta answered the upload with (valid 30 days) */
    record Uploaded(String id) implements MediaSource {
        public Uploaded {
            InvalidMessage.notBlank(id, "the media id");
        }
    }
}
