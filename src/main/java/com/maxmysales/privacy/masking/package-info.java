/**
 * Sensitive data (card numbers, Aadhaar, PAN, bank accounts, UPI ids, health terms) masked in inbound text before
 * it is stored, with daily counts. Other modules use {@link SensitiveDataMasking} (named interface {@code
 * masking}).
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.masking;
