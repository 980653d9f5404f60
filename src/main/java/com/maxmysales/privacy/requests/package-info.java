/**
 * Data-principal requests (access, erasure, correction, grievance, nomination) with their one-time codes, and the
 * erasure and export of a person through every module. Other modules use {@link PersonalData} (named interface
 * {@code requests}).
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.requests;
