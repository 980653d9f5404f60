package com.maxmysales.whatsapp;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Meta's error codes (and the platform's own, below zero) in words a person can act on. */
public final class ErrorWords {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(-1, "Meta did not answer in time; it is tried again"),
            Map.entry(-2, "Meta could not be reached; it is tried again"),
            Map.entry(-3, "Meta had a server error; it is tried again"),
            Map.entry(-4, "It is not known whether Meta received it (the platform stopped mid-send)"),
            Map.entry(-5, "Not sent: the customer withdrew consent before it went out"),
            Map.entry(-6, "Not sent: the contact has no phone number to send to"),
            Map.entry(4, "Too many calls to Meta; try again later"),
            Map.entry(100, "Meta found a parameter invalid"),
            Map.entry(190, "The number's access token expired or is invalid; reconnect the number"),
            Map.entry(368, "The business account is restricted for a policy violation"),
            Map.entry(80007, "The business account hit Meta's rate limit"),
            Map.entry(130429, "The number sends faster than Meta allows; it is tried again"),
            Map.entry(130472, "Meta held it back: the customer's number is in a Meta experiment"),
            Map.entry(131000, "Something went wrong at Meta"),
            Map.entry(131005, "Meta denied access: the number lacks a permission"),
            Map.entry(131008, "A required parameter was missing"),
            Map.entry(131009, "A parameter value was invalid"),
            Map.entry(131016, "WhatsApp was temporarily unavailable"),
            Map.entry(131021, "The customer's number is the business number itself"),
            Map.entry(131026, "Undeliverable: not a WhatsApp number, terms not accepted, or an old WhatsApp app"),
            Map.entry(131031, "The business account is locked"),
            Map.entry(131042, "A payment problem on the business account (credit line, billing settings)"),
            Map.entry(131045, "The number's registration is broken (certificate); register it again"),
            Map.entry(131047, "More than 24 hours since the customer last wrote: only a template may be sent"),
            Map.entry(131048, "Meta's spam limit: too many earlier messages were blocked or reported"),
            Map.entry(131049, "Meta chose not to deliver it, to keep customers from too many marketing messages"),
            Map.entry(131050, "The customer stopped marketing messages from this business"),
            Map.entry(131051, "A message type WhatsApp's API does not support"),
            Map.entry(131052, "WhatsApp could not download the customer's file (over 100 MB?); ask them to send it another way"),
            Map.entry(131053, "WhatsApp could not take the file (type or size)"),
            Map.entry(131056, "Too many messages to this customer in a short time; it is tried again"),
            Map.entry(131057, "The business account is in maintenance for a minute"),
            Map.entry(132000, "The template's variables did not match its text"),
            Map.entry(132001, "The template does not exist in that language, or is not approved"),
            Map.entry(132005, "The template's text with its values is too long"),
            Map.entry(132007, "The template's content breaks WhatsApp's policy"),
            Map.entry(132012, "A template value was in the wrong format"),
            Map.entry(132015, "The template is paused for low quality"),
            Map.entry(132016, "The template is disabled for good (paused too often)"),
            Map.entry(132018, "A template parameter was invalid"),
            Map.entry(133010, "The number is not registered with WhatsApp's Cloud API"));

    private ErrorWords() {
    }

    /** The code in words, null when it is not one the platform knows. */
    public static @Nullable String of(int code) {
        return WORDS.get(code);
    }
}
