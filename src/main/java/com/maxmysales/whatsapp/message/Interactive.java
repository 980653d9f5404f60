package com.maxmysales.whatsapp.message;

import java.util.HashSet;
import java.util.List;

/**
 * A message with buttons, a list to choose from, or a link button, within Meta's limits for each.
 * A header is text only (Meta allows media on some kinds; not offered yet).
 */
public sealed interface Interactive extends WhatsAppMessage {

    int MAX_BODY = 1024;

    /** @param header text above the body, or null */
    String header();

    String body();

    /** @param footer small text under the body, or null */
    String footer();

    /** Meta's {@code interactive.type}. */
    String kind();

    @Override
    default String type() {
        return "interactive";
    }

    @Override
    default String preview() {
        return body();
    }

    /** @param title what the button shows, which comes back as the customer's answer with {@code id} */
    record Choice(String id, String title) {
        public Choice {
            InvalidMessage.atMost(InvalidMessage.notBlank(id, "a choice's id"), 256, "a choice's id");
            InvalidMessage.atMost(InvalidMessage.notBlank(title, "a button's title"), 20, "a button's title");
        }
    }

    /** Up to 3 reply buttons. */
    record Buttons(String header, String body, String footer, List<Choice> buttons) implements Interactive {
        public Buttons {
            common(header, body, MAX_BODY, footer);
            buttons = List.copyOf(buttons == null ? List.of() : buttons);
            InvalidMessage.require(!buttons.isEmpty() && buttons.size() <= 3, "interactive buttons are 1 to 3");
            var titles = new HashSet<String>();
            InvalidMessage.require(buttons.stream().allMatch(button -> titles.add(button.title())),
                    "each button has its own title");
        }

        @Override
        public String kind() {
            return "button";
        }
    }

    /** @param description a line under the row's title, or null */
    record Row(String id, String title, String description) {
        public Row {
            InvalidMessage.atMost(InvalidMessage.notBlank(id, "a row's id"), 200, "a row's id");
            InvalidMessage.atMost(InvalidMessage.notBlank(title, "a row's title"), 24, "a row's title");
            InvalidMessage.atMost(description, 72, "a row's description");
        }
    }

    /** @param title required when the list has more than one section */
    record Section(String title, List<Row> rows) {
        public Section {
            InvalidMessage.atMost(title, 24, "a section's title");
            rows = List.copyOf(rows == null ? List.of() : rows);
            InvalidMessage.require(!rows.isEmpty(), "each section has at least one row");
        }
    }

    /** @param button the label of the button that opens the list */
    record ListMenu(String header, String body, String footer, String button, List<Section> sections) implements Interactive {
        public ListMenu {
            common(header, body, 4096, footer);
            InvalidMessage.atMost(InvalidMessage.notBlank(button, "interactive.action.button"), 20, "interactive.action.button");
            sections = List.copyOf(sections == null ? List.of() : sections);
            InvalidMessage.require(!sections.isEmpty() && sections.size() <= 10, "a list has 1 to 10 sections");
            InvalidMessage.require(sections.stream().mapToInt(section -> section.rows().size()).sum() <= 10,
                    "a list has at most 10 rows in all");
            InvalidMessage.require(sections.size() == 1 || sections.stream().allMatch(section -> section.title() != null),
                    "each section of a list with several has a title");
        }

        @Override
        public String kind() {
            return "list";
        }
    }

    /** A button that opens {@code url}. */
    record CtaUrl(String header, String body, String footer, String displayText, String url) implements Interactive {
        public CtaUrl {
            common(header, body, MAX_BODY, footer);
            InvalidMessage.atMost(InvalidMessage.notBlank(displayText, "display_text"), 20, "display_text");
            InvalidMessage.require(url != null && (url.startsWith("https://") || url.startsWith("http://")),
                    "the button's url must be an http(s) URL");
        }

        @Override
        public String kind() {
            return "cta_url";
        }
    }

    private static void common(String header, String body, int maxBody, String footer) {
        InvalidMessage.notBlank(body, "interactive.body.text");
        InvalidMessage.atMost(body, maxBody, "interactive.body.text");
        InvalidMessage.atMost(header, 60, "interactive.header.text");
        InvalidMessage.atMost(footer, 60, "interactive.footer.text");
    }
}
