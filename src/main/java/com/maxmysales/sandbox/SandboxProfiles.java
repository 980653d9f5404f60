package com.maxmysales.sandbox;

import java.util.Optional;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The business profile of each sandbox number, kept as the JSON Meta would answer, for its workspace alone. */
@Component
@WhenSandboxEnabled
public class SandboxProfiles {

    private final JdbcClient jdbc;

    SandboxProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored profile, or empty when none was set (or the number is not this workspace's). */
    public Optional<String> find(WorkspaceId workspace, String phoneNumberId) {
        return jdbc.sql("""
                select business_profile from sandbox_accounts
                where object_id = :id and workspace_id = :workspace and kind = 'number' and business_profile is not null""")
                .param("id", phoneNumberId).param("workspace", workspace.value())
                .query(String.class).optional();
    }

    public void save(WorkspaceId workspace, String phoneNumberId, String profileJson) {
        jdbc.sql("""
                update sandbox_accounts set business_profile = :profile
                where object_id = :id and workspace_id = :workspace and kind = 'number'""")
                .param("profile", profileJson).param("id", phoneNumberId).param("workspace", workspace.value())
                .update();
    }
}
