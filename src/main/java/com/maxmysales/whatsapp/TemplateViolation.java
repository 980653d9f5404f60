package com.maxmysales.whatsapp;

/**
 * One of Meta's template rules a draft breaks, found before it is submitted.
 *
 * @param field where: {@code name}, {@code category}, {@code components[1].text},
 *              {@code components[3].buttons[0].url}... (the component's index in the request)
 * @param message what is wrong, in words a person can act on
 */
public record TemplateViolation(String field, String message) {
}
