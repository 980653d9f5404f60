package com.maxmysales.sandbox.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.maxmysales.sandbox.ChatMessage;

/**
 * One conversation as the simulator shows it, from the customer's side.
 *
 * @param phone the customer, E.164
 * @param to the business phone-number id, which the forms send back and the page never shows
 * @param business the business as the customer's WhatsApp names it: its verified name
 * @param businessNumber the business's number as WhatsApp shows it
 * @param version the conversation's version, sent back by the poller so an unchanged chat costs nothing
 */
public record PhoneChat(String phone, String name, String to, String business, String businessNumber, long version,
        List<ChatMessage> messages) {

    public String pollUrl() {
        return "/sandbox/phone/chat?" + query() + "&since=" + version;
    }

    /** The page showing this chat, for browsers without htmx. */
    String pageUrl() {
        return "/sandbox/phone?" + query();
    }

    private String query() {
        return "phone=" + encoded(phone) + "&name=" + encoded(name) + "&to=" + encoded(to);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
