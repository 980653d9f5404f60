package com.maxmysales.sandbox.web;

import java.util.List;

import com.maxmysales.sandbox.SandboxAccount;
import com.maxmysales.sandbox.SandboxSettings.Customer;

/**
 * What the phone simulator page shows.
 *
 * @param numbers the workspace's sandbox numbers, offered by their name and display number (never by an id)
 * @param selectedPhone the customer picked in the list, so it stays picked
 * @param typedPhone a customer's number typed instead of picked, kept in its field after "Open chat"; else empty
 * @param typedName the profile name typed with it
 * @param to the phone-number id of the business number in use, else of the workspace's first
 * @param error why no chat opened, or null
 * @param chat the open conversation, or null until a customer and a number are chosen
 */
public record PhonePage(List<Customer> customers, List<SandboxAccount> numbers, String selectedPhone,
        String typedPhone, String typedName, String to, String error, PhoneChat chat, FormToken csrf) {

    /** The name WhatsApp shows for every sandbox number (as its Graph API answers), with the number itself. */
    static final String VERIFIED_NAME = "MaxMySales Sandbox";

    public String nameOf(SandboxAccount number) {
        return VERIFIED_NAME + " · " + number.displayPhoneNumber();
    }
}
