package com.maxmysales.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.maxmysales.sandbox.SandboxAccount.Kind;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.whatsapp.spi.SandboxAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The numbers and pages the sandbox opened, per workspace, and their access tokens (kept as SHA-256 only).
 * Every sandbox endpoint asks this before it acts: what is not a number or page of the caller's workspace does
 * not exist for the caller. Accounts never change once opened, so found ones are cached; an unknown id or
 * token is looked up again every time, as one opened on another node must be found at once.
 */
@Component
@WhenSandboxEnabled
public class SandboxRegistry implements SandboxAccounts {

    private static final String COLUMNS = "object_id, workspace_id, kind, waba_id, display_phone_number, form_id";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, SandboxAccount> byObject = new ConcurrentHashMap<>();
    private final Map<String, SandboxAccount> byTokenHash = new ConcurrentHashMap<>();

    SandboxRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public SandboxNumber openNumber(WorkspaceId workspace) {
        if (numbers(workspace).size() >= MAX_PER_WORKSPACE) {
            throw new LimitReached("numbers");
        }
        var token = SandboxIds.accessToken();
        var account = new SandboxAccount(SandboxIds.graphId(), workspace, Kind.NUMBER, SandboxIds.graphId(),
                SandboxIds.displayPhoneNumber(), null);
        insert(account, token);
        return new SandboxNumber(account.objectId(), account.wabaId(), account.displayPhoneNumber(), Secret.of(token));
    }

    @Override
    public SandboxPage openPage(WorkspaceId workspace) {
        if (pages(workspace) >= MAX_PER_WORKSPACE) {
            throw new LimitReached("pages");
        }
        var token = SandboxIds.accessToken();
        var account = new SandboxAccount(SandboxIds.graphId(), workspace, Kind.PAGE, null, null, SandboxIds.graphId());
        insert(account, token);
        return new SandboxPage(account.objectId(), account.formId(), Secret.of(token));
    }

    @Override
    public Optional<Secret> adoptNumber(WorkspaceId workspace, String phoneNumberId, String wabaId,
            String displayPhoneNumber) {
        return adopt(new SandboxAccount(phoneNumberId, workspace, Kind.NUMBER, wabaId, displayPhoneNumber, null));
    }

    @Override
    public Optional<Secret> adoptPage(WorkspaceId workspace, String pageId, String formId) {
        return adopt(new SandboxAccount(pageId, workspace, Kind.PAGE, null, null, formId));
    }

    @Override
    public void closeNumber(WorkspaceId workspace, String phoneNumberId) {
        jdbc.sql("delete from sandbox_accounts where object_id = :id and workspace_id = :workspace and kind = 'number'")
                .param("id", phoneNumberId).param("workspace", workspace.value())
                .update();
        byObject.remove(phoneNumberId);
        byTokenHash.values().removeIf(account -> account.objectId().equals(phoneNumberId));
    }

    /** The account a bearer token (or {@code access_token} parameter) belongs to. */
    public Optional<SandboxAccount> byToken(String token) {
        var hash = HexFormat.of().formatHex(hash(token));
        var cached = byTokenHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = jdbc.sql("select " + COLUMNS + " from sandbox_accounts where token_hash = :hash")
                .param("hash", hash(token))
                .query(SandboxRegistry::account).optional();
        found.ifPresent(account -> byTokenHash.put(hash, account));
        return found;
    }

    /** A number of this workspace; another workspace's is as unknown as one that does not exist. */
    public Optional<SandboxAccount> number(WorkspaceId workspace, String phoneNumberId) {
        return byObject(phoneNumberId).filter(account -> account.isNumberOf(workspace));
    }

    public Optional<SandboxAccount> page(WorkspaceId workspace, String pageId) {
        return byObject(pageId).filter(account -> account.isPageOf(workspace));
    }

    /** A WhatsApp Business Account of one of this workspace's numbers. */
    public Optional<SandboxAccount> numberOfWaba(WorkspaceId workspace, String wabaId) {
        return jdbc.sql("select " + COLUMNS + " from sandbox_accounts"
                        + " where workspace_id = :workspace and kind = 'number' and waba_id = :waba order by created_at limit 1")
                .param("workspace", workspace.value()).param("waba", wabaId)
                .query(SandboxRegistry::account).optional();
    }

    /** The page of this workspace whose lead form this is. */
    public Optional<SandboxAccount> pageOfForm(WorkspaceId workspace, String formId) {
        return jdbc.sql("select " + COLUMNS + " from sandbox_accounts where workspace_id = :workspace and form_id = :form")
                .param("workspace", workspace.value()).param("form", formId)
                .query(SandboxRegistry::account).optional();
    }

    /** The workspace's numbers, oldest first, as the phone simulator offers them. */
    public List<SandboxAccount> numbers(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from sandbox_accounts"
                        + " where workspace_id = :workspace and kind = 'number' order by created_at")
                .param("workspace", workspace.value())
                .query(SandboxRegistry::account).list();
    }

    private int pages(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from sandbox_accounts where workspace_id = :workspace and kind = 'page'")
                .param("workspace", workspace.value()).query(Integer.class).single();
    }

    /**
     * The number behind a phone-number id the sandbox itself already checked, for the webhooks it sends later.
     *
     * @throws IllegalStateException when it is not one of the sandbox's numbers: a bug, never a caller's doing
     */
    SandboxAccount knownNumber(String phoneNumberId) {
        return byObject(phoneNumberId).filter(account -> account.kind() == Kind.NUMBER)
                .orElseThrow(() -> new IllegalStateException("not a sandbox number: " + phoneNumberId));
    }

    private Optional<SandboxAccount> byObject(String objectId) {
        if (objectId == null) {
            return Optional.empty();
        }
        var cached = byObject.get(objectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = jdbc.sql("select " + COLUMNS + " from sandbox_accounts where object_id = :id")
                .param("id", objectId)
                .query(SandboxRegistry::account).optional();
        found.ifPresent(account -> byObject.put(objectId, account));
        return found;
    }

    private void insert(SandboxAccount account, String token) {
        if (!insertIfNew(account, token)) {
            throw new IllegalStateException("a newly drawn sandbox id is taken: " + account.objectId());
        }
    }

    private Optional<Secret> adopt(SandboxAccount account) {
        var token = SandboxIds.accessToken();
        return insertIfNew(account, token) ? Optional.of(Secret.of(token)) : Optional.empty();
    }

    // Nothing is cached here: the caller's transaction may still roll back.
    private boolean insertIfNew(SandboxAccount account, String token) {
        return jdbc.sql("""
                insert into sandbox_accounts (object_id, workspace_id, kind, waba_id, display_phone_number, form_id,
                                              token_hash, created_at)
                values (:id, :workspace, :kind, :waba, :display, :form, :hash, :now)
                on conflict do nothing
                """)
                .param("id", account.objectId()).param("workspace", account.workspace().value())
                .param("kind", account.kind().name().toLowerCase(Locale.ROOT)).param("waba", account.wabaId())
                .param("display", account.displayPhoneNumber()).param("form", account.formId())
                .param("hash", hash(token)).param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    private static SandboxAccount account(ResultSet rs, int row) throws SQLException {
        return new SandboxAccount(rs.getString("object_id"), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("waba_id"),
                rs.getString("display_phone_number"), rs.getString("form_id"));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
