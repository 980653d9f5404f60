package com.maxmysales.leads;

import com.maxmysales.platform.WakeUp;

import org.springframework.stereotype.Component;

/** Wakes this node's lead workers when a lead arrived here: a follow-up within seconds cannot wait for a poll. */
@Component
class LeadSignal extends WakeUp {
}
