package com.maxmysales.whatsapp;

/** An error Meta reported, synchronously or in a webhook. {@code code} is the field to branch on. */
public record WhatsAppError(int code, String title, String details) {
}
