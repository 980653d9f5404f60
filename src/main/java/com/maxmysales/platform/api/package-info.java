/**
 * What every API request passes through: request ids, idempotent POSTs, body limits, RFC 9457 problems.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.platform.api;
