package com.maxmysales.chatbot;

import java.util.List;
import java.util.Map;

import com.maxmysales.privacy.spi.EncryptedColumns;
import com.maxmysales.privacy.spi.EncryptedTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bot's secrets (the key that signs its calls, the LLM's API key) and its waiting replies, so that a data-key
 * rotation reaches them.
 */
@Configuration(proxyBeanMethods = false)
class ChatbotEncryptedColumns {

    @Bean
    EncryptedColumns chatbotSecretColumns(JdbcClient jdbc) {
        return new EncryptedTable(jdbc, "chatbot_settings", Map.of("workspace_id", "uuid"), "chatbot_settings t",
                "t.workspace_id", List.of("signing_secret", "llm_api_key"));
    }

    /** A reply waiting for the one before it to be accepted (seconds, usually). */
    @Bean
    EncryptedColumns chatbotWaitingReplyColumns(JdbcClient jdbc) {
        return new EncryptedTable(jdbc, "chatbot_replies", Map.of("id", "uuid"), "chatbot_replies t", "t.workspace_id",
                List.of("message"));
    }
}
