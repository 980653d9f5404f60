package com.maxmysales.chatbot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.DataSubject;
import com.maxmysales.privacy.spi.PersonalDataHolder;
import com.maxmysales.shared.ContactId;
import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chatbot in data-principal requests: where the bot is in the person's conversations, and, when the workspace
 * uses an LLM, that processor (who it is, what it receives), so that an access export lists it.
 */
@Component
class ChatbotPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final SettingsStore settings;

    ChatbotPersonalData(JdbcClient jdbc, SettingsStore settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public String category() {
        return "chatbot";
    }

    @Override
    public List<Map<String, Object>> export(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return List.of();
        }
        var records = new ArrayList<Map<String, Object>>(jdbc.sql("""
                select conversation_id, state, step_id, updated_at from chatbot_sessions
                where workspace_id = :workspace and contact_id in (:contacts) order by updated_at
                """)
                .param("workspace", workspace.value())
                .param("contacts", subject.contacts().stream().map(ContactId::value).toList())
                .query((rs, n) -> Map.<String, Object>of("record", "bot session",
                        "conversationId", rs.getObject(1, java.util.UUID.class).toString(), "state", rs.getString(2),
                        "waitingAt", rs.getString(3) == null ? "" : rs.getString(3),
                        "updatedAt", rs.getTimestamp(4).toInstant().toString()))
                .list());
        var llm = settings.llm(workspace);
        if (llm.usable()) {
            records.add(Map.of("record", "processor", "processor", "AI answers (OpenAI-compatible LLM)",
                    "host", LlmAnswers.host(llm.baseUrl()), "model", llm.model(),
                    "receives", "the customer's questions with names, phone numbers, emails, addresses and masked "
                            + "sensitive data replaced by placeholders; nothing of minors or opted-out contacts"));
        }
        return records;
    }

    @Override
    public int erase(WorkspaceId workspace, DataSubject subject) {
        if (subject.contacts().isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from chatbot_sessions where workspace_id = :workspace and contact_id in (:contacts)")
                .param("workspace", workspace.value())
                .param("contacts", subject.contacts().stream().map(ContactId::value).toList()).update();
    }
}
