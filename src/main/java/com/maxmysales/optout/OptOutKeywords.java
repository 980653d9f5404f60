package com.maxmysales.optout;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.maxmysales.platform.PerTransaction;
import com.maxmysales.platform.Refusal;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's own opt-out words, per language, on top of the built-in ones. */
@Service
public class OptOutKeywords {

    private static final Set<String> KINDS = Set.of("stop", "start", "button", "ignore");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PerTransaction<WorkspaceId, KeywordSet> keywordSets;

    OptOutKeywords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keywordSets = new PerTransaction<>(this::load);
    }

    public record Keyword(String language, String kind, String keyword) {}

    public List<Keyword> list(WorkspaceId workspace) {
        return jdbc.sql("select language, kind, keyword from optout_keywords where workspace_id = :workspace order by kind, keyword")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Keyword(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The built-in words of each language, which apply unless the workspace ignores them. */
    public static java.util.Map<String, List<String>> builtInStopWords() {
        return KeywordSet.DEFAULT_STOP;
    }

    /** The built-in words that opt a customer back in, per language. */
    public static java.util.Map<String, List<String>> builtInStartWords() {
        return KeywordSet.DEFAULT_START;
    }

    /** Replaces the workspace's words with these. */
    @Transactional
    public void replace(WorkspaceId workspace, List<Keyword> keywords) {
        keywords.forEach(OptOutKeywords::requireValid);
        jdbc.sql("delete from optout_keywords where workspace_id = :workspace").param("workspace", workspace.value()).update();
        keywords.forEach(keyword -> insert(workspace, keyword));
    }

    /** Adds one word; adding one the workspace already has changes nothing. */
    public void add(WorkspaceId workspace, Keyword keyword) {
        requireValid(keyword);
        insert(workspace, keyword);
    }

    /** Removes one of the workspace's words; removing one it does not have changes nothing. */
    public void remove(WorkspaceId workspace, String kind, String keyword) {
        jdbc.sql("delete from optout_keywords where workspace_id = :workspace and kind = :kind and keyword = :keyword")
                .param("workspace", workspace.value()).param("kind", kind).param("keyword", keyword.strip())
                .update();
    }

    private static void requireValid(Keyword keyword) {
        if (keyword.kind() == null || !KINDS.contains(keyword.kind()) || keyword.language() == null
                || !keyword.language().matches("[a-z]{2,3}") || keyword.keyword() == null
                || keyword.keyword().isBlank() || keyword.keyword().length() > 80) {
            throw Refusal.invalid("invalid-keyword", "Invalid keyword", "each keyword needs "
                    + "language (ISO 639 code such as hi), kind (stop, start, button or ignore) and keyword (1 to 80 characters)");
        }
    }

    private void insert(WorkspaceId workspace, Keyword keyword) {
        jdbc.sql("""
                insert into optout_keywords (workspace_id, language, kind, keyword, created_at)
                values (:workspace, :language, :kind, :keyword, :now) on conflict do nothing
                """)
                .param("workspace", workspace.value()).param("language", keyword.language())
                .param("kind", keyword.kind()).param("keyword", keyword.keyword().strip())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Read once per transaction: a batch of a hundred inbound messages of one workspace asks a hundred times. */
    KeywordSet keywordSet(WorkspaceId workspace) {
        return keywordSets.get(workspace);
    }

    private KeywordSet load(WorkspaceId workspace) {
        return KeywordSet.of(list(workspace).stream()
                .map(keyword -> new KeywordSet.Entry(keyword.language(), keyword.kind(), keyword.keyword())).toList());
    }
}
