/**
 * Meta's WhatsApp webhook: checked on the raw bytes, stored durably, then parsed and routed by workers.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.whatsapp.webhook;
