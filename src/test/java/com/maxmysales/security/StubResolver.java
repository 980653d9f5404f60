package com.maxmysales.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.maxmysales.platform.outbound.HostResolver;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A DNS server under the test's control, as an attacker's would be: a scripted name answers its addresses in
 * turn, one answer per lookup, starting over after the last (public, loopback, public, ... for rebinding).
 * Names not scripted, and IP literals, resolve as usual.
 */
public final class StubResolver implements HostResolver {

    private record Script(List<String> answers, AtomicInteger lookups) {}

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    /** From now on {@code host} answers {@code addresses[0]}, then {@code addresses[1]}, ... one per lookup. */
    public void answer(String host, String... addresses) {
        scripts.put(host, new Script(List.of(addresses), new AtomicInteger()));
    }

    public int lookups(String host) {
        var script = scripts.get(host);
        return script == null ? 0 : script.lookups().get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        var script = scripts.get(host);
        if (script == null) {
            return Arrays.asList(InetAddress.getAllByName(host));
        }
        var n = script.lookups().getAndIncrement();
        return List.of(InetAddress.getByName(script.answers().get(n % script.answers().size())));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class InPlatform {

        @Bean
        @Primary
        StubResolver stubResolver() {
            return new StubResolver();
        }
    }
}
