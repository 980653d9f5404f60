/**
 * The technical ground every module stands on: the data directory and the database the platform starts
 * itself, RFC 9457 problem details, idempotent POSTs, cursor pages, request ids and the clock.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package com.maxmysales.platform;
