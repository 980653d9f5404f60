package com.maxmysales.integrations;

import com.maxmysales.platform.WakeUp;

import org.springframework.stereotype.Component;

/** Wakes this node's delivery worker once new deliveries are committed. */
@Component
class DeliverySignal extends WakeUp {
}
