/**
 * The technical ground every module stands on: the data directory and the database the platform starts
 * itself, RFC 9457 problem details, idempotent POSTs, cursor pages, request ids, the clock, and throttles shared
 * by every node.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.maxmysales.platform;
