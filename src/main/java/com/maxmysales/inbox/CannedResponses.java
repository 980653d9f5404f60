package com.maxmysales.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The workspace's canned responses: shared by its agents, one text per shortcut. */
@Service
public class CannedResponses {

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern TYPED = Pattern.compile("/([A-Za-z0-9_-]{1,32})");
    static final int MAX_TEXT = 4096;

    /** Every thread page offers them all: a workspace keeps this many at most. */
    static final int MAX_COUNT = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    CannedResponses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CannedResponse> list(WorkspaceId workspace) {
        return jdbc.sql("select id, shortcut, text, created_at from canned_responses where workspace_id = :workspace order by shortcut")
                .param("workspace", workspace.value())
                .query(CannedResponses::row).list();
    }

    /** @param shortcut with or without its leading slash; lower-case letters, digits, - and _ */
    public CannedResponse create(WorkspaceId workspace, @Nullable String shortcut, @Nullable String text) {
        var name = shortcut == null ? "" : shortcut.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        if (!SHORTCUT.matcher(name).matches()) {
            throw Refusal.invalid("invalid-canned-response", "Invalid canned response",
                    "shortcut must be 1 to 32 letters, digits, - or _ (typed as /shortcut)");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw Refusal.invalid("invalid-canned-response", "Invalid canned response",
                    "text must be 1 to " + MAX_TEXT + " characters");
        }
        var count = jdbc.sql("select count(*) from canned_responses where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Integer.class).single();
        if (count >= MAX_COUNT) {
            throw Refusal.unprocessable("too-many-canned-responses", "Too many canned responses",
                    "a workspace keeps at most " + MAX_COUNT + " canned responses: delete one first");
        }
        var inserted = jdbc.sql("""
                insert into canned_responses (id, workspace_id, shortcut, text, created_at)
                values (:id, :workspace, :shortcut, :text, :now)
                on conflict (workspace_id, shortcut) do nothing
                returning id, shortcut, text, created_at
                """)
                .param("id", UUID.randomUUID()).param("workspace", workspace.value()).param("shortcut", name)
                .param("text", text.strip()).param("now", Timestamp.from(clock.instant()))
                .query(CannedResponses::row).optional();
        return inserted.orElseThrow(() -> Refusal.conflict("canned-response-exists", "Shortcut taken",
                "/" + name + " is already a canned response of this workspace; delete it first to change it"));
    }

    public void delete(WorkspaceId workspace, UUID id) {
        var deleted = jdbc.sql("delete from canned_responses where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id).update();
        if (deleted == 0) {
            throw Refusal.notFound("canned response " + id);
        }
    }

    /** A reply that is exactly {@code /shortcut} of a canned response becomes its text; any other stays as typed. */
    public String expand(WorkspaceId workspace, String typed) {
        var matcher = TYPED.matcher(typed.strip());
        if (!matcher.matches()) {
            return typed;
        }
        return find(workspace, matcher.group(1).toLowerCase(Locale.ROOT)).map(CannedResponse::text).orElse(typed);
    }

    private Optional<CannedResponse> find(WorkspaceId workspace, String shortcut) {
        return jdbc.sql("select id, shortcut, text, created_at from canned_responses where workspace_id = :workspace and shortcut = :shortcut")
                .param("workspace", workspace.value()).param("shortcut", shortcut)
                .query(CannedResponses::row).optional();
    }

    private static CannedResponse row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CannedResponse(rs.getObject("id", UUID.class), rs.getString("shortcut"), rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }
}
