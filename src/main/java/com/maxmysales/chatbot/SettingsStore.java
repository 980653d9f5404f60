package com.maxmysales.chatbot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;

import com.maxmysales.privacy.crypto.FieldCipher;
import com.maxmysales.shared.WorkspaceId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@code chatbot_settings}: a workspace without a row has the bot off. */
@Repository
class SettingsStore {

    static final String LLM_KEY_FIELD = "chatbot_settings.llm_api_key";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FieldCipher cipher;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, JsonMapper json, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.clock = clock;
    }

    BotSettings of(WorkspaceId workspace) {
        return jdbc.sql("""
                select enabled, business_hours::text, away_message, use_example_faq from chatbot_settings
                where workspace_id = :workspace
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new BotSettings(rs.getBoolean(1), hours(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4)))
                .optional().orElse(BotSettings.DEFAULT);
    }

    void save(WorkspaceId workspace, BotSettings settings) {
        jdbc.sql("""
                insert into chatbot_settings (workspace_id, enabled, business_hours, away_message, use_example_faq,
                    updated_at)
                values (:workspace, :enabled, cast(:hours as jsonb), :away, :examples, :now)
                on conflict (workspace_id) do update set enabled = excluded.enabled,
                    business_hours = excluded.business_hours, away_message = excluded.away_message,
                    use_example_faq = excluded.use_example_faq, updated_at = excluded.updated_at
                """)
                .param("workspace", workspace.value()).param("enabled", settings.enabled())
                .param("hours", settings.hours() == null ? null : json(settings.hours()))
                .param("away", settings.awayMessage()).param("examples", settings.useExampleFaq())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    LlmSettings llm(WorkspaceId workspace) {
        return jdbc.sql("""
                select llm_enabled, llm_base_url, llm_model, llm_api_key is not null from chatbot_settings
                where workspace_id = :workspace
                """)
                .param("workspace", workspace.value())
                .query((rs, n) -> new LlmSettings(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional().orElse(LlmSettings.OFF);
    }

    @Nullable String llmApiKey(WorkspaceId workspace) {
        var sealed = jdbc.sql("select llm_api_key from chatbot_settings where workspace_id = :workspace")
                .param("workspace", workspace.value()).query((rs, n) -> rs.getBytes(1)).optional();
        return sealed.isEmpty() || sealed.get() == null ? null : cipher.decrypt(workspace, LLM_KEY_FIELD, sealed.get());
    }

    /** @param apiKey null keeps the stored key; blank removes it */
    void saveLlm(WorkspaceId workspace, boolean enabled, @Nullable String baseUrl, @Nullable String model,
            @Nullable String apiKey) {
        jdbc.sql("""
                insert into chatbot_settings (workspace_id, llm_enabled, llm_base_url, llm_model, llm_api_key, updated_at)
                values (:workspace, :enabled, :url, :model, :key, :now)
                on conflict (workspace_id) do update set llm_enabled = excluded.llm_enabled,
                    llm_base_url = excluded.llm_base_url, llm_model = excluded.llm_model,
                    llm_api_key = case when :keep then chatbot_settings.llm_api_key else excluded.llm_api_key end,
                    updated_at = excluded.updated_at
                """)
                .param("workspace", workspace.value()).param("enabled", enabled).param("url", baseUrl)
                .param("model", model).param("keep", apiKey == null)
                .param("key", apiKey == null || apiKey.isBlank() ? null : cipher.encrypt(workspace, LLM_KEY_FIELD, apiKey))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private String json(BusinessHours hours) {
        var node = json.createObjectNode();
        var days = node.putArray("days");
        hours.days().stream().sorted().forEach(day -> days.add(day.name().toLowerCase(Locale.ROOT)));
        node.put("opens", hours.opens().toString());
        node.put("closes", hours.closes().toString());
        return json.writeValueAsString(node);
    }

    private @Nullable BusinessHours hours(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        var node = json.readTree(stored);
        var days = EnumSet.noneOf(DayOfWeek.class);
        node.path("days").forEach(day -> days.add(DayOfWeek.valueOf(day.asString().toUpperCase(Locale.ROOT))));
        return new BusinessHours(days, LocalTime.parse(node.path("opens").asString()),
                LocalTime.parse(node.path("closes").asString()));
    }
}
