package com.maxmysales.tenancy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import com.maxmysales.platform.DataDirectory;
import com.maxmysales.shared.EmailAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a platform's very first start, makes a demo workspace with an owner and an API key so that someone
 * evaluating MaxMySales can sign in at once. The credentials go only into a file only the operator can read
 * under the data directory; the console says where it is, since a console is often captured by other people's
 * tools (CI logs, journald, container logs). A production platform (no sandbox) has no demo: it would be a
 * known account on a public server, and the demo's number lives on the sandbox.
 */
@Component
@Order(100)
class DemoWorkspace implements ApplicationRunner {

    static final String DEMO_EMAIL = "demo@maxmysales.local";
    static final String CREDENTIALS_FILE = "demo-login.txt";

    private final boolean enabled;
    private final String baseUrl;
    private final Workspaces workspaces;
    private final WorkspaceManagement management;
    private final SignUp signUp;
    private final ApiKeyManagement apiKeys;
    private final DataDirectory dataDirectory;
    private final TransactionTemplate transaction;
    private final PrintStream console;

    DemoWorkspace(@Value("${maxmysales.demo.enabled:true}") boolean enabled,
            @Value("${maxmysales.sandbox.enabled:true}") boolean sandboxEnabled,
            @Value("${maxmysales.public-url:http://localhost:${server.port:8080}}") String baseUrl,
            Workspaces workspaces, WorkspaceManagement management, SignUp signUp, ApiKeyManagement apiKeys,
            DataDirectory dataDirectory, TransactionTemplate transaction) {
        this.enabled = enabled && sandboxEnabled;
        this.baseUrl = baseUrl;
        this.workspaces = workspaces;
        this.management = management;
        this.signUp = signUp;
        this.apiKeys = apiKeys;
        this.dataDirectory = dataDirectory;
        this.transaction = transaction;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || workspaces.any()) {
            return;
        }
        var password = randomPassword();
        var apiKey = transaction.execute(status -> {
            // Nodes starting together on an empty database: one makes the demo, the others see it.
            workspaces.lockFirstRun();
            if (workspaces.any()) {
                return null;
            }
            var workspace = management.create("Demo Shop", true);
            var owner = signUp.addUser(workspace, "Demo Owner", EmailAddress.of(DEMO_EMAIL), password, Role.OWNER);
            // An admin key, not the owner's: it is printed and kept in a file, so it should not be able to manage
            // admins; everything else in the demo it can do.
            return apiKeys.create(workspace, "Demo key", owner, Role.ADMIN);
        });
        if (apiKey == null) {
            return;
        }
        var file = dataDirectory.file(CREDENTIALS_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, """
                MaxMySales demo workspace ("Demo Shop")
                Sign in:  %s/login
                Email:    %s
                Password: %s
                API key:  %s
                """.formatted(baseUrl, DEMO_EMAIL, password, apiKey.key().reveal()));
        console.println("""

                ================================================================
                  MaxMySales is ready with a demo workspace ("Demo Shop").
                  Its login and API key are in %s
                  (readable only by you): cat it, then sign in at %s/login
                ================================================================
                """.formatted(file, baseUrl));
    }

    private static String randomPassword() {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
