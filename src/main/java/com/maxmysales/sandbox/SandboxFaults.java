package com.maxmysales.sandbox;

import java.util.concurrent.ThreadLocalRandom;

import com.maxmysales.sandbox.SandboxSettings.Faults;

import org.springframework.stereotype.Component;

/**
 * The faults in force: those configured, until someone (a test, a benchmark harness in the same JVM) swaps
 * in others at run time without restarting the platform.
 */
@Component
@WhenSandboxEnabled
public class SandboxFaults {

    private final Faults configured;
    private volatile Faults current;

    SandboxFaults(SandboxSettings settings) {
        this.configured = settings.faults();
        this.current = configured;
    }

    public Faults current() {
        return current;
    }

    public void use(Faults faults) {
        this.current = faults;
    }

    /** Back to what the configuration says. */
    public void reset() {
        this.current = configured;
    }

    static boolean strikes(double probability) {
        return probability > 0 && ThreadLocalRandom.current().nextDouble() < probability;
    }
}
