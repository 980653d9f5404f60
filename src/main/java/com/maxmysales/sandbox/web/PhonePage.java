package com.maxmysales.sandbox.web;

import java.util.List;

import com.maxmysales.sandbox.SandboxAccount;
import com.maxmysales.sandbox.SandboxSettings.Customer;

/**
 * What the phone simulator page shows.
 *
 * @param numbers the workspace's sandbox numbers, offered by their display number
 * @param selectedPhone the customer picked in the list, so it stays picked
 * @param to the phone-number id of the business number in use, else of the workspace's first
 * @param error why no chat opened, or null
 * @param chat the open conversation, or null until a customer and a number are chosen
 */
public record PhonePage(List<Customer> customers, List<SandboxAccount> numbers, String selectedPhone, String to,
        String error, PhoneChat chat, FormToken csrf) {
}
