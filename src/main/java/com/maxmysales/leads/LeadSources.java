package com.maxmysales.leads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.platform.Refusal;
import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.Secret;
import com.maxmysales.shared.WorkspaceId;
import com.maxmysales.tenancy.WorkspaceManagement;
import com.maxmysales.whatsapp.ChannelManagement;
import com.maxmysales.whatsapp.GraphRoute;
import com.maxmysales.whatsapp.spi.SandboxAccounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace's lead sources: Google keys kept as SHA-256, Meta Page tokens as ciphertext. A real Facebook Page
 * is registered only once Meta confirms that the token given is that page's; a sandbox page is opened by the
 * sandbox, which draws its ids and token.
 */
@Service
public class LeadSources {

    static final String PAGE_TOKEN_FIELD = "lead_sources.page_access_token";
    /** A custom key must be at least as long as 128 random bits written in hex; ours have 192 bits. */
    static final int MIN_CUSTOM_KEY_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, workspace_id, type, name, page_id, forms, follow_up, sandbox, created_at";

    /** A source with the workspace it belongs to, as webhooks find it. */
    record Owned(WorkspaceId workspace, LeadSource source) {}

    /** @param key the Google key when this platform generated it: shown once */
    public record Created(LeadSource source, Secret key) {}

    /** How to read a Meta source's page: which Graph API, with which token. */
    record PageAccess(GraphRoute route, Secret token) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ChannelManagement channels;
    private final WorkspaceManagement workspaces;
    private final PageOwnership ownership;
    private final ObjectProvider<SandboxAccounts> sandbox;
    private final JsonMapper json;
    private final LeadsSettings settings;
    private final Clock clock;

    LeadSources(JdbcClient jdbc, FieldCipher cipher, ChannelManagement channels, WorkspaceManagement workspaces,
            PageOwnership ownership, ObjectProvider<SandboxAccounts> sandbox, JsonMapper json, LeadsSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.channels = channels;
        this.ownership = ownership;
        this.sandbox = sandbox;
        this.workspaces = workspaces;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param key the key typed into Google Ads' lead form, only where the operator allows custom keys; null: one
     *            is generated (192 random bits), which is the rule: the key is the webhook's only credential
     */
    public Created createGoogle(WorkspaceId workspace, String name, String key, FollowUpRule followUp) {
        var generated = key == null || key.isBlank();
        if (!generated && !settings.allowCustomGoogleKeys()) {
            throw Refusal.unprocessable("custom-key-not-allowed", "Custom keys not allowed",
                    "leave key out: this platform generates every Google key (192 random bits); the operator can allow "
                            + "custom ones with maxmysales.leads.allow-custom-google-keys");
        }
        var theKey = generated ? newKey() : key.strip();
        if (theKey.length() < MIN_CUSTOM_KEY_LENGTH || theKey.length() > 200) {
            throw invalid("key must be " + MIN_CUSTOM_KEY_LENGTH + " to 200 characters (at least 128 random bits): "
                    + "Google sends it with every lead, and it is the only thing that proves a lead is yours");
        }
        check(workspace, followUp);
        var id = UUID.randomUUID();
        try {
            insert(workspace, id, LeadSource.GOOGLE, name == null || name.isBlank() ? "Google Ads lead form" : name,
                    keyHash(theKey), null, null, List.of(), followUp, false);
        } catch (DuplicateKeyException taken) {
            throw Refusal.conflict("lead-source-exists", "Lead source exists",
                    "another lead source already uses this key");
        }
        return new Created(get(workspace, id), generated ? Secret.of(theKey) : null);
    }

    public LeadSource createMeta(WorkspaceId workspace, String name, String pageId, Secret pageAccessToken,
            List<String> forms, FollowUpRule followUp) {
        if (pageId == null || !pageId.strip().matches("\\d{1,30}")) {
            throw invalid("pageId must be the Facebook Page's numeric id");
        }
        if (pageAccessToken == null || pageAccessToken.isBlank()) {
            throw invalid("pageAccessToken is required: leads are read from the Graph API with it");
        }
        var formIds = forms == null ? List.<String>of() : forms.stream().map(String::strip).toList();
        if (formIds.stream().anyMatch(form -> !form.matches("\\d{1,30}"))) {
            throw invalid("forms must be numeric lead form ids");
        }
        check(workspace, followUp);
        var page = pageId.strip();
        // Asked before the page is looked up here, so that neither the answer nor its time tells who has it.
        ownership.confirm(page, pageAccessToken);
        var id = UUID.randomUUID();
        try {
            insert(workspace, id, LeadSource.META, name == null || name.isBlank() ? "Facebook Page " + page : name,
                    null, page, cipher.encrypt(workspace, PAGE_TOKEN_FIELD, pageAccessToken.reveal()), formIds,
                    followUp, false);
        } catch (DuplicateKeyException taken) {
            if (byPage(page).filter(owned -> owned.workspace().equals(workspace)).isPresent()) {
                throw Refusal.conflict("lead-source-exists", "Lead source exists",
                        "this workspace already has a lead source for page " + page);
            }
            // Another workspace has it: answered exactly as a page Meta does not confirm, which reveals no one.
            throw PageOwnership.notConfirmed(page);
        }
        return get(workspace, id);
    }

    /**
     * A Facebook Page of the built-in sandbox with its one lead form, for this workspace alone: its test leads
     * go the whole way (webhook, Graph read, follow-up) without a Meta account.
     */
    @Transactional
    public LeadSource createSandboxMeta(WorkspaceId workspace, String name, FollowUpRule followUp) {
        var accounts = sandbox.getIfAvailable();
        if (accounts == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "sandbox-off", "The sandbox is off",
                    "this platform runs without its sandbox (maxmysales.sandbox.enabled=false): add a real Facebook Page");
        }
        check(workspace, followUp);
        SandboxAccounts.SandboxPage page;
        try {
            page = accounts.openPage(workspace);
        } catch (SandboxAccounts.LimitReached enough) {
            throw Refusal.unprocessable("sandbox-limit", "Sandbox limit reached",
                    enough.getMessage());
        }
        var id = UUID.randomUUID();
        insert(workspace, id, LeadSource.META, name == null || name.isBlank() ? "Sandbox page " + page.pageId() : name,
                null, page.pageId(), cipher.encrypt(workspace, PAGE_TOKEN_FIELD, page.accessToken().reveal()),
                List.of(page.formId()), followUp, true);
        return get(workspace, id);
    }

    private void insert(WorkspaceId workspace, UUID id, String type, String name, byte[] keyHash, String pageId,
            byte[] token, List<String> forms, FollowUpRule followUp, boolean sandboxPage) {
        jdbc.sql("""
                insert into lead_sources (id, workspace_id, type, name, key_hash, page_id, page_access_token, forms,
                                          follow_up, sandbox, created_at)
                values (:id, :workspace, :type, :name, :keyHash, :pageId, :token, :forms, cast(:followUp as jsonb),
                        :sandbox, :now)
                """)
                .param("id", id).param("workspace", workspace.value()).param("type", type)
                .param("name", name.strip()).param("keyHash", keyHash).param("pageId", pageId).param("token", token)
                .param("forms", forms.toArray(String[]::new))
                .param("followUp", followUp == null ? null : json.writeValueAsString(followUp))
                .param("sandbox", sandboxPage).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public List<LeadSource> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where workspace_id = :workspace order by created_at")
                .param("workspace", workspace.value())
                .query((rs, n) -> source(rs)).list();
    }

    /** The workspace's click-to-WhatsApp ads source, made the first time it is needed (by any node, once). */
    UUID clickToWhatsApp(WorkspaceId workspace) {
        jdbc.sql("""
                insert into lead_sources (id, workspace_id, type, name, created_at)
                values (:id, :workspace, 'ctwa', 'Click-to-WhatsApp ads', :now)
                on conflict (workspace_id) where type = 'ctwa' do nothing
                """)
                .param("id", UUID.randomUUID()).param("workspace", workspace.value())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select id from lead_sources where workspace_id = :workspace and type = 'ctwa'")
                .param("workspace", workspace.value()).query(UUID.class).single();
    }

    public LeadSource get(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query((rs, n) -> source(rs)).optional()
                .orElseThrow(() -> Refusal.notFound("lead source " + id));
    }

    /** @param followUp null: leads of this source are collected, not followed up */
    public LeadSource setFollowUp(WorkspaceId workspace, UUID id, FollowUpRule followUp) {
        get(workspace, id);
        check(workspace, followUp);
        var updated = jdbc.sql("update lead_sources set follow_up = cast(:followUp as jsonb) where workspace_id = :workspace and id = :id")
                .param("followUp", followUp == null ? null : json.writeValueAsString(followUp))
                .param("workspace", workspace.value()).param("id", id)
                .update();
        if (updated == 0) {
            throw Refusal.notFound("lead source " + id);
        }
        return get(workspace, id);
    }

    /**
     * The Google source whose key this is. The key is looked up by its hash and then compared in constant time,
     * so neither step tells an attacker how much of a guess was right.
     */
    Optional<Owned> byGoogleKey(String key) {
        var presented = keyHash(key);
        return jdbc.sql("select key_hash, " + COLUMNS + " from lead_sources where key_hash = :hash")
                .param("hash", presented)
                .query((rs, n) -> MessageDigest.isEqual(rs.getBytes("key_hash"), presented)
                        ? Optional.of(new Owned(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), source(rs)))
                        : Optional.<Owned>empty())
                .optional().flatMap(found -> found);
    }

    Optional<Owned> byPage(String pageId) {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where page_id = :page")
                .param("page", pageId)
                .query((rs, n) -> new Owned(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), source(rs)))
                .optional();
    }

    List<Owned> allMeta() {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where type = 'meta' order by created_at")
                .query((rs, n) -> new Owned(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), source(rs)))
                .list();
    }

    PageAccess pageAccess(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select page_access_token, sandbox from lead_sources where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id)
                .query((rs, n) -> new PageAccess(GraphRoute.ofPage(rs.getBoolean("sandbox")),
                        Secret.of(cipher.decrypt(workspace, PAGE_TOKEN_FIELD, rs.getBytes("page_access_token")))))
                .single();
    }

    /** Every workspace's sandbox pages, for the one-off registration of those earlier versions opened. */
    List<Owned> sandboxPages() {
        return jdbc.sql("select " + COLUMNS + " from lead_sources where type = 'meta' and sandbox order by created_at")
                .query((rs, n) -> new Owned(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), source(rs)))
                .list();
    }

    boolean replacePageToken(WorkspaceId workspace, UUID id, Secret token) {
        return jdbc.sql("update lead_sources set page_access_token = :token where workspace_id = :workspace and id = :id")
                .param("token", cipher.encrypt(workspace, PAGE_TOKEN_FIELD, token.reveal()))
                .param("workspace", workspace.value()).param("id", id)
                .update() == 1;
    }

    /** A rule may name only this workspace's numbers and members. */
    private void check(WorkspaceId workspace, FollowUpRule followUp) {
        if (followUp == null) {
            return;
        }
        if (followUp.channelId() != null && channels.list(workspace).stream().noneMatch(channel -> channel.id().equals(followUp.channelId()))) {
            throw invalid("followUp.channelId is not a WhatsApp number of this workspace");
        }
        for (var agent : followUp.agents()) {
            try {
                workspaces.member(workspace, agent);
            } catch (Refusal notAMember) {
                throw invalid("followUp.agents: " + agent + " is not a member of this workspace");
            }
        }
    }

    private LeadSource source(ResultSet rs) throws SQLException {
        var followUp = rs.getString("follow_up");
        var forms = rs.getArray("forms");
        return new LeadSource(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
                rs.getString("page_id"), forms == null ? List.of() : Arrays.asList((String[]) forms.getArray()),
                followUp == null ? null : json.readValue(followUp, FollowUpRule.class), rs.getBoolean("sandbox"),
                rs.getTimestamp("created_at").toInstant());
    }

    static byte[] keyHash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newKey() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "gk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Refusal invalid(String detail) {
        return Refusal.invalid("invalid-lead-source", "Invalid lead source", detail);
    }
}
