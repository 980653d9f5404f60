package com.maxmysales;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

// Reads every class of the platform once, like ArchitectureTests: the two run beside each other and the rest.
@Execution(ExecutionMode.CONCURRENT)
class ModularityTests {

    private static final ApplicationModules modules = ApplicationModules.of(MaxMySalesApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        modules.verify();
    }

    /** The modules of the README's table, each a package of its own: a module merged or renamed away fails here. */
    @Test
    void everyModuleOfTheArchitectureExists() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("shared", "platform", "privacy", "tenancy", "web", "sandbox", "contacts",
                        "whatsapp", "messaging", "optout", "leads", "integrations", "inbox", "knowledge", "analytics",
                        "chatbot", "compliance", "campaigns");
    }

    /** Other modules see the parts of privacy they use, each by name; everything else in it is internal. */
    @Test
    void privacyExposesOnlyItsNamedParts() {
        var privacy = modules.getModuleByName("privacy").orElseThrow().getNamedInterfaces();

        assertThat(privacy.getUnnamedInterface().asJavaClasses()).as("public types in privacy's base package").isEmpty();
        assertThat(privacy.stream().filter(NamedInterface::isNamed).map(NamedInterface::getName))
                .containsExactlyInAnyOrder("crypto", "masking", "audit", "requests", "retention", "notice", "spi");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();

        var output = Path.of("target", "spring-modulith-docs");
        assertThat(output.resolve("components.puml")).isNotEmptyFile();
        modules.forEach(module -> assertThat(output.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile());
    }
}
