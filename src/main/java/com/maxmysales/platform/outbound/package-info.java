/**
 * The outbound-HTTP guard: every call the platform makes on a workspace's behalf, to an address a workspace
 * chose or a server answered, goes through {@link com.maxmysales.platform.outbound.OutboundHttp}, which resolves
 * the host once, refuses internal addresses and connects to exactly the address it checked.
 */
@org.springframework.modulith.NamedInterface("outbound")
@org.jspecify.annotations.NullMarked
package com.maxmysales.platform.outbound;
