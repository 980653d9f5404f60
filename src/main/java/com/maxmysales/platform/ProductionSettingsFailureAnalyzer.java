package com.maxmysales.platform;

import java.util.stream.Collectors;

import com.maxmysales.platform.ProductionSettings.UnsafeProductionSettings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator of a refused production start what to set, one line a setting, instead of a stack trace. */
class ProductionSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettings cause) {
        return new FailureAnalysis("MaxMySales runs in production mode (maxmysales.sandbox.enabled=false), and "
                + "these settings still have their development defaults or none.",
                cause.missing().stream().map(line -> "  - " + line).collect(Collectors.joining("\n",
                        "Set them, for example in the environment:\n", "\n")), cause);
    }
}
