package com.maxmysales.whatsapp.message;

/**
 * A message in Meta's shape, ready to be stored and sent: the object Meta expects under the key named by
 * {@code type}. Callers keep it as it is and give it back to the Graph client; they never read inside it.
 *
 * @param payload that object as JSON text
 */
public record PreparedMessage(String type, String payload) {
}
