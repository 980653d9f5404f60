package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmysales.security.TeamFixture;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.Role;
import com.maxmysales.tenancy.SignUp;
import com.maxmysales.tenancy.Team;
import com.maxmysales.tenancy.WorkspaceManagement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The FAQ page as an admin uses it, over real HTTP: the defaults, try a question, add, a bad upload refused. */
@PlatformTest
class FaqPageSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    Team team;
    @Autowired
    ApiKeyManagement apiKeys;
    @Autowired
    WorkspaceManagement workspaces;

    @Test
    void anAdminTriesAQuestionAddsAnEntryAndSeesABadFileRefusedRowByRow() {
        var fixture = new TeamFixture(signUp, team, apiKeys, workspaces, "FAQ Page Shop");
        var admin = fixture.signedIn(port, Role.ADMIN);

        var tried = admin.get("/app/chatbot/faq?q=delivery+kab+tak+hogi");
        assertThat(tried.status()).isEqualTo(200);
        assertThat(tried.body()).contains("These are the demo entries").contains("id=\"faq-trial\"")
                .contains("How long does delivery take?");

        var added = admin.postForm("/app/chatbot/faq", Map.of("question", "Do you gift wrap?",
                "answer", "Yes, for ₹30 an order."));
        assertThat(added.status()).isIn(302, 303);
        var list = admin.get("/app/chatbot/faq");
        assertThat(list.body()).doesNotContain("These are the demo entries").contains("Do you gift wrap?")
                .contains("41 entries");

        var refused = admin.postFile("/app/chatbot/faq/upload", "file", "faq.csv", "question,answer\nOnly a question,\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"faq-row-errors\"").contains("row=2");
        assertThat(admin.get("/app/chatbot/faq").body()).contains("Do you gift wrap?");
    }
}
