package com.maxmysales;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MaxMySalesApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheArchitectureExists() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("shared", "platform", "privacy", "tenancy", "web", "sandbox", "contacts",
                        "whatsapp", "messaging", "optout", "leads", "integrations");
    }

    /** Other modules see the parts of privacy they use, each by name; everything else in it is internal. */
    @Test
    void privacyExposesOnlyItsNamedParts() {
        var privacy = modules.getModuleByName("privacy").orElseThrow().getNamedInterfaces();

        assertThat(privacy.getUnnamedInterface().asJavaClasses()).as("public types in privacy's base package").isEmpty();
        assertThat(privacy.stream().filter(NamedInterface::isNamed).map(NamedInterface::getName))
                .containsExactlyInAnyOrder("crypto", "masking", "audit", "requests", "notice", "spi");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
