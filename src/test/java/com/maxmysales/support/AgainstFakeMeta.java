package com.maxmysales.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform with Meta's Graph API played by one {@link FakeMeta}, so that real numbers and pages can
 * be connected (and refused) as against Meta. Every test class extending this shares one application context.
 */
@PlatformTest
public abstract class AgainstFakeMeta {

    protected static final FakeMeta META = FakeMeta.start();

    @DynamicPropertySource
    static void metaIsTheFake(DynamicPropertyRegistry registry) {
        registry.add("maxmysales.whatsapp.graph-base-url", META::baseUrl);
    }
}
