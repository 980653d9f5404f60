package com.maxmysales.contacts;

import com.maxmysales.platform.WakeUp;

import org.springframework.stereotype.Component;

/** Wakes this node's import worker once an import is queued. */
@Component
class ImportSignal extends WakeUp {
}
