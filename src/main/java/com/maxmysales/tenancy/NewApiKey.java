package com.maxmysales.tenancy;

import java.util.UUID;

import com.maxmysales.shared.Secret;

/** A key just created: the only moment its plaintext exists outside the caller's hands. */
public record NewApiKey(UUID id, String name, Secret key) {
}
