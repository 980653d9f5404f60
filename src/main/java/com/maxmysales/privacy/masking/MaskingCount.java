package com.maxmysales.privacy.masking;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/** How many identifiers of one kind were masked in a workspace's inbound messages on one day (UTC). */
@NamedInterface("masking")
public record MaskingCount(LocalDate day, SensitiveKind kind, long count) {
}
