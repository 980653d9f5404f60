package com.maxmysales.messaging;

import com.maxmysales.platform.WakeUp;

import org.springframework.stereotype.Component;

/** Wakes this node's dispatchers when a message was queued here. */
@Component
class DispatchSignal extends WakeUp {
}
