/**
 * Field encryption under per-workspace data keys wrapped by the master key, blind indexes and tombstones, key
 * rotation and re-encryption. Other modules use {@link FieldCipher} and {@link BlindIndex} (named interface {@code
 * crypto}).
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.crypto;
