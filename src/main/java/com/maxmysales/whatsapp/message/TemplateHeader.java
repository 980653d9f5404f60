package com.maxmysales.whatsapp.message;

import com.maxmysales.whatsapp.MediaKind;

/** The value of a template's header variable: a text, or the image, video or document it shows. */
public sealed interface TemplateHeader {

    record Text(TemplateParameter.Text parameter) implements TemplateHeader {
        public Text {
            InvalidMessage.require(parameter != null, "a text header needs its parameter");
        }
    }

    /** @param filename a document's name as the customer sees it */
    record Media(MediaKind kind, MediaSource source, String filename) implements TemplateHeader {
        public Media {
            InvalidMessage.require(kind == MediaKind.IMAGE || kind == MediaKind.VIDEO || kind == MediaKind.DOCUMENT,
                    "a template header shows an image, a video or a document");
            InvalidMessage.require(source != null, "a media header needs exactly one of link or id");
            InvalidMessage.require(filename == null || kind == MediaKind.DOCUMENT, "only a document has a filename");
        }
    }
}
