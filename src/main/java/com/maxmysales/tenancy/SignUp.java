package com.maxmysales.tenancy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.privacy.notice.PrivacyNotices;
import com.maxmysales.shared.EmailAddress;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A business signs up: a workspace and its owner. Business users must be adults (P10) and accept the
 * privacy notice in force (P11); both are recorded. The answer never tells whether an email already has an
 * account: that person is sent an email instead, and the form answers as if it had worked.
 */
@Service
public class SignUp {

    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads no further; a longer password would be silently cut, so it is refused instead. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final WorkspaceManagement workspaces;
    private final BusinessUsers users;
    private final PasswordEncoder passwords;
    private final PrivacyNotices notices;
    private final AccountEmails accountEmails;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignUp(WorkspaceManagement workspaces, BusinessUsers users, PasswordEncoder passwords, PrivacyNotices notices,
            AccountEmails accountEmails, TransactionTemplate transaction, Clock clock) {
        this.workspaces = workspaces;
        this.users = users;
        this.passwords = passwords;
        this.notices = notices;
        this.accountEmails = accountEmails;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Form(String workspaceName, String displayName, String email, String password, boolean adult,
            boolean acceptNotice) {}

    /** {@link Created} and {@link AlreadyRegistered} must look the same to the visitor. */
    public sealed interface Result {
        record Created(WorkspaceId workspace, UUID owner) implements Result {}
        /** The email has an account: nothing was created, and its owner was told by email. */
        record AlreadyRegistered() implements Result {}
        record Invalid(Map<String, String> errors) implements Result {}
    }

    public Result register(Form form) {
        var errors = validate(form.displayName(), form.email(), form.password(), form.adult(), form.acceptNotice());
        if (form.workspaceName() == null || form.workspaceName().isBlank() || form.workspaceName().strip().length() > 120) {
            errors.put("workspaceName", "Give your business a name (up to 120 characters).");
        }
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        var email = EmailAddress.of(form.email());
        if (users.emailTaken(email.value())) {
            return alreadyRegistered(email, form.password());
        }
        try {
            return transaction.execute(status -> {
                var workspace = workspaces.create(form.workspaceName(), false);
                var owner = addUser(workspace, form.displayName(), email, form.password(), Role.OWNER);
                return new Result.Created(workspace, owner);
            });
        } catch (DuplicateKeyException sameEmailAtOnce) {
            return alreadyRegistered(email, form.password());
        }
    }

    private Result alreadyRegistered(EmailAddress email, String password) {
        // The same bcrypt work as a real sign-up, so that the answer takes as long.
        passwords.encode(password);
        accountEmails.alreadyRegistered(email);
        return new Result.AlreadyRegistered();
    }

    /** Checks what every new business user must give, whether they found us or were invited. */
    Map<String, String> validate(@Nullable String displayName, @Nullable String email, @Nullable String password,
            boolean adult, boolean acceptNotice) {
        var errors = new LinkedHashMap<String, String>();
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 80) {
            errors.put("displayName", "Tell us your name (up to 80 characters).");
        }
        if (EmailAddress.parse(email).isEmpty()) {
            errors.put("email", "Enter a valid email address.");
        }
        passwordProblem(password).ifPresent(problem -> errors.put("password", problem));
        if (!adult) {
            errors.put("adult", "MaxMySales is for business users aged 18 or over.");
        }
        if (!acceptNotice) {
            errors.put("acceptNotice", "Please read and accept the privacy notice.");
        }
        return errors;
    }

    /** What is wrong with a new password, if anything: the same rule at sign-up, invitation and reset. */
    static Optional<String> passwordProblem(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("Use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (tooLong(password)) {
            return Optional.of("Use at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 plain letters or digits; accented letters and emoji count as 2 to 4).");
        }
        return Optional.empty();
    }

    /** Longer than bcrypt reads: such a password is never hashed, and never matches. */
    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    UUID addUser(WorkspaceId workspace, String displayName, EmailAddress email, String password, Role role) {
        var id = UUID.randomUUID();
        var now = clock.instant();
        users.insert(id, workspace, email.value(), displayName.strip(),
                passwords.encode(password), role, now, now);
        notices.acceptCurrent(id);
        return id;
    }
}
