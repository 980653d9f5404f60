package com.maxmysales.privacy.spi;

import java.util.Optional;

/** Implemented by the module that authenticates: who makes the current request, for the audit log. */
public interface RequestActors {

    /** Empty outside a request, or when nobody is authenticated. */
    Optional<Actor> current();
}
