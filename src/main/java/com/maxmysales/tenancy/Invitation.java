package com.maxmysales.tenancy;

import java.time.Instant;
import java.util.UUID;

/** An invitation to the team that is still open, as the team's admins see it (never its link). */
public record Invitation(UUID id, String email, Role role, Instant createdAt, Instant expiresAt) {
}
