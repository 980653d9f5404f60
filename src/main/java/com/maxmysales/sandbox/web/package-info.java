/**
 * The sandbox's Graph API endpoints and its phone simulator.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.sandbox.web;
