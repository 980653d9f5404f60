package com.maxmysales.sandbox.web;

import java.util.List;

import com.maxmysales.sandbox.SandboxSettings.Customer;

/**
 * What the phone simulator page shows.
 *
 * @param selectedPhone the customer picked in the list, so it stays picked
 * @param to the business phone-number id in the form: the one in use, else the one seen last
 * @param error why no chat opened, or null
 * @param chat the open conversation, or null until a customer and a number are chosen
 */
public record PhonePage(List<Customer> customers, List<String> phoneNumberIds, String selectedPhone, String to,
        String error, PhoneChat chat) {
}
