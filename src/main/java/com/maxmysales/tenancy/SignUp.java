package com.maxmysales.tenancy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.privacy.PrivacyNotices;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business signs up: a workspace and its owner. Business users must be adults (P10) and accept the
 * privacy notice in force (P11); both are recorded.
 */
@Service
public class SignUp {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final WorkspaceManagement workspaces;
    private final BusinessUsers users;
    private final PasswordEncoder passwords;
    private final PrivacyNotices notices;
    private final Clock clock;

    SignUp(WorkspaceManagement workspaces, BusinessUsers users, PasswordEncoder passwords, PrivacyNotices notices,
            Clock clock) {
        this.workspaces = workspaces;
        this.users = users;
        this.passwords = passwords;
        this.notices = notices;
        this.clock = clock;
    }

    public record Form(String workspaceName, String displayName, String email, String password, boolean adult,
            boolean acceptNotice) {}

    public sealed interface Result {
        record Created(WorkspaceId workspace, UUID owner) implements Result {}
        record Invalid(Map<String, String> errors) implements Result {}
    }

    @Transactional
    public Result register(Form form) {
        var errors = validate(form.displayName(), form.email(), form.password(), form.adult(), form.acceptNotice());
        if (form.workspaceName() == null || form.workspaceName().isBlank() || form.workspaceName().strip().length() > 120) {
            errors.put("workspaceName", "Give your business a name (up to 120 characters).");
        }
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        var workspace = workspaces.create(form.workspaceName(), false);
        var owner = addUser(workspace, form.displayName(), form.email(), form.password(), Role.OWNER);
        return new Result.Created(workspace, owner);
    }

    /** Checks what every new business user must give, whether they found us or were invited. */
    Map<String, String> validate(String displayName, String email, String password, boolean adult, boolean acceptNotice) {
        var errors = new LinkedHashMap<String, String>();
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 80) {
            errors.put("displayName", "Tell us your name (up to 80 characters).");
        }
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            errors.put("email", "Enter a valid email address.");
        } else if (users.emailTaken(email.strip())) {
            errors.put("email", "An account with this email already exists; sign in instead.");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.put("password", "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (!adult) {
            errors.put("adult", "MaxMySales is for business users aged 18 or over.");
        }
        if (!acceptNotice) {
            errors.put("acceptNotice", "Please read and accept the privacy notice.");
        }
        return errors;
    }

    UUID addUser(WorkspaceId workspace, String displayName, String email, String password, Role role) {
        var id = UUID.randomUUID();
        var now = clock.instant();
        users.insert(id, workspace, email.strip().toLowerCase(java.util.Locale.ROOT), displayName.strip(),
                passwords.encode(password), role, now, now);
        notices.acceptCurrent(id);
        return id;
    }
}
