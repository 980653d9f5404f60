/**
 * What a business sends on WhatsApp, typed (text, template, media, interactive, reaction), and the one place that
 * reads and writes Meta's JSON for it. Modules that send build these types and hand them to messaging's front
 * door; none of them builds Meta's message JSON.
 */
@org.springframework.modulith.NamedInterface("message")
package com.maxmysales.whatsapp.message;
