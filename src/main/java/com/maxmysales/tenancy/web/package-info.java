/**
 * Sign-up, the team, invitations, password resets, API keys and the operator's workspace API.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.tenancy.web;
