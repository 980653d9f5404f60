/**
 * The technical ground every module stands on: the data directory and the database the platform starts
 * itself, refusals with stable codes (made RFC 9457 problem details by the named interface {@code api}, the HTTP
 * edge), idempotent POSTs, cursor pages, request ids, the clock, throttles shared by every node, and the
 * outbound-HTTP guard every call on a workspace's behalf goes through (named interface {@code outbound}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package com.maxmysales.platform;
