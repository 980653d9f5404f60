package com.maxmysales.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.sandbox.SandboxSettings.Faults;

import org.springframework.stereotype.Component;

/**
 * The faults in force: those configured, except on the numbers someone (a test, a benchmark harness in the same
 * JVM) gave others at run time without restarting the platform. Per number, so that faults set for one test's
 * number never reach the sends of another test, or the late sends of an earlier one, sharing the platform.
 */
@Component
@WhenSandboxEnabled
public class SandboxFaults {

    private final Faults configured;
    private final Map<String, Faults> byNumber = new ConcurrentHashMap<>();

    SandboxFaults(SandboxSettings settings) {
        this.configured = settings.faults();
    }

    /** What a send through this number meets. */
    public Faults current(String phoneNumberId) {
        return byNumber.getOrDefault(phoneNumberId, configured);
    }

    /** From now on sends through this number meet these faults; every other number keeps its own. */
    public void use(String phoneNumberId, Faults faults) {
        byNumber.put(phoneNumberId, faults);
    }

    /** The number back to what the configuration says. */
    public void reset(String phoneNumberId) {
        byNumber.remove(phoneNumberId);
    }

    static boolean strikes(double probability) {
        return probability > 0 && ThreadLocalRandom.current().nextDouble() < probability;
    }
}
