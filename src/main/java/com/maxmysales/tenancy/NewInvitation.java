package com.maxmysales.tenancy;

import java.time.Instant;
import java.util.UUID;

import com.maxmysales.shared.Secret;

/** An invitation just made: its token, for the one-time link, exists only in this answer. */
public record NewInvitation(UUID id, Secret token, Instant expiresAt) {
}
