package com.maxmysales.whatsapp.webhook;

import com.maxmysales.platform.WakeUp;

import org.springframework.stereotype.Component;

/** Wakes this node's webhook workers when an event was stored here. */
@Component
class WebhookSignal extends WakeUp {
}
