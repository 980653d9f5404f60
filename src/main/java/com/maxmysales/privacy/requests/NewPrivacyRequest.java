package com.maxmysales.privacy.requests;

/**
 * A data-principal request as filed.
 *
 * @param phone the person's number in E.164, or null
 * @param email the person's email, or null; one of the two is required
 * @param name for a correction: the right name
 * @param correctedEmail for a correction: the right email
 * @param message for a grievance: what the person complains about; for a nomination: who they nominate
 *        and how to reach them
 * @param verifyBy for a request from the person: {@code whatsapp} or {@code email}, where the one-time code
 *        goes; by default WhatsApp when a phone is given, else email
 */
public record NewPrivacyRequest(String type, String requestedBy, String phone, String email, String name,
        String correctedEmail, String message,
        String verifyBy) {
}
