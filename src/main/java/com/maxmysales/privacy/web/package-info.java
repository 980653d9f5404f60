/**
 * Privacy pages and API: retention, holds and purges, data-principal requests, the audit log, masking counts.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.privacy.web;
