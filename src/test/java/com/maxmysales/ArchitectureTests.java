package com.maxmysales;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.maxmysales.shared.InTransactionOnly;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules of docs/architecture.md that the compiler does not check. */
// Reads every class once, like ModularityTests: the two run beside each other and the rest.
@Execution(ExecutionMode.CONCURRENT)
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.maxmysales");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("com.maxmysales");

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("windows, retention and rate limits are tested with a fixed Clock")
                .check(MAIN);
    }

    @Test
    void controllersLiveInWebOrWebhookPackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAnyPackage("..web..", "..webhook..")
                .check(MAIN);
    }

    /**
     * Modules refuse with {@code platform.Refusal} and its stable code; only the edge speaks HTTP: the controllers
     * and filters of {@code web} and {@code webhook} packages, and {@code platform.api}, where a refusal becomes a
     * status and an RFC 9457 document.
     */
    @Test
    void httpStaysAtTheEdge() {
        noClasses().that().resideOutsideOfPackages("..web..", "..webhook..", "com.maxmysales.platform.api..")
                .should().dependOnClassesThat().belongToAnyOf(HttpStatus.class, HttpStatusCode.class,
                        ResponseEntity.class, ProblemDetail.class, ErrorResponse.class, ResponseStatusException.class)
                .orShould().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .because("a module refuses in its own terms (platform.Refusal); one place maps that to HTTP")
                .check(MAIN);
    }

    @Test
    void theSharedKernelHoldsValueTypesOnly() {
        classes().that().resideInAPackage("com.maxmysales.shared..").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.maxmysales.shared..",
                        "com.google.i18n.phonenumbers..", "org.jspecify.annotations..")
                .because("every module reads phone numbers with the same numbering plans, and nothing else is shared")
                .check(MAIN);
    }

    @Test
    void eventsCarryingPersonalDataAreNeverHeardByPersistedListeners() {
        methods().that().areAnnotatedWith(ApplicationModuleListener.class)
                .or().areAnnotatedWith(TransactionalEventListener.class)
                .or().areAnnotatedWith(Async.class)
                .should(new ArchCondition<JavaMethod>("not take an @InTransactionOnly event") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getRawParameterTypes().stream()
                                .filter(type -> type.isAnnotatedWith(InTransactionOnly.class))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " would persist " + type.getName() + " as plain JSON")));
                    }
                })
                .because("Spring Modulith stores the events of such listeners unencrypted in event_publication")
                // Not allowEmptyShould: if the listener annotations ever stop matching, the rule must fail, not pass.
                .check(MAIN);
    }

    @Test
    void nothingPrintsToTheConsoleButTheFirstRunCredentials() {
        noClasses().that().doNotHaveSimpleName("DemoWorkspace")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("console output bypasses the log pipeline and its request ids")
                .check(MAIN);
    }

    @Test
    void testsThatStartThePlatformRunInTheSlowPhase() {
        var startsThePlatform = new DescribedPredicate<JavaClass>("start the platform, a child platform, a browser or PostgreSQL") {
            @Override
            public boolean test(JavaClass test) {
                return test.isMetaAnnotatedWith(SpringBootTest.class) || test.getDirectDependenciesFromSelf().stream()
                        .map(dependency -> dependency.getTargetClass().getSimpleName())
                        .anyMatch(used -> used.equals("PlatformProcess") || used.equals("BrowserSession")
                                || used.equals("TestDatabase"));
            }
        };
        classes().that(startsThePlatform).and().haveSimpleNameEndingWith("Tests")
                .should().haveSimpleNameEndingWith("SystemTests").orShould().haveSimpleNameEndingWith("BrowserTests")
                .orShould().haveSimpleNameEndingWith("IntegrationTests").orShould().haveSimpleNameEndingWith("SecurityTests")
                .because("pom.xml runs those names after the unit phase, which must stay fast")
                .check(TESTS);
    }
}
