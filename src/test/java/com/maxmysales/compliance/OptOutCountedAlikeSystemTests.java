package com.maxmysales.compliance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import com.maxmysales.support.Eventually;
import com.maxmysales.support.Http;
import com.maxmysales.support.PlatformTest;
import com.maxmysales.support.SandboxNumber;
import com.maxmysales.support.WebSession;
import com.maxmysales.tenancy.ApiKeyManagement;
import com.maxmysales.tenancy.SignUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One STOP is one opt-out, under the same channel on the same day of the workspace's zone, on the dashboard, the
 * analytics and the compliance report; and the purposes the person never granted are not reported withdrawn.
 *
 * <p>Before: the dashboard counted marketing withdrawals only and named no channel, the analytics suppressed the 1,
 * the compliance report named the source ("whatsapp_keyword") and counted a never-granted lead follow-up withdrawn.
 */
@PlatformTest
class OptOutCountedAlikeSystemTests {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    SignUp signUp;
    @Autowired
    ApiKeyManagement apiKeys;

    @Test
    void oneStopIsOneKeywordOptOutInAllThreeAndNoUngrantedPurposeIsWithdrawn() {
        var http = new Http(port);
        var email = "optout-owner-" + System.nanoTime() + "@shop.example";
        var created = (SignUp.Result.Created) signUp.register(new SignUp.Form("Opt-out shop", "Owner", email, PASSWORD,
                true, true));
        var web = new WebSession(port, WebSession.newClientAddress());
        assertThat(web.signIn(email, PASSWORD)).isTrue();
        var apiKey = apiKeys.create(created.workspace(), "Opt-outs", created.owner()).key().reveal();
        var zone = ZoneId.of(http.get("/api/v1/workspace", apiKey).json().get("timeZone").asString());
        var number = SandboxNumber.connect(http, apiKey);

        number.customerWritesText("+919811155566", "Ravi", "STOP");

        Eventually.await(() -> {
            var keyword = http.get("/api/v1/analytics/optouts", apiKey).json().get("totals").get("keyword");
            return keyword != null && !keyword.isNull() && keyword.asInt() > 0;
        });
        var analytics = http.get("/api/v1/analytics/optouts", apiKey).json();
        var today = LocalDate.now(zone);
        assertThat(analytics.get("totals").get("keyword").asInt()).isEqualTo(1);
        var day = analytics.get("days").valueStream().filter(d -> d.get("channels").get("keyword").asInt(0) > 0)
                .toList();
        assertThat(day).hasSize(1);
        assertThat(LocalDate.parse(day.getFirst().get("date").asString())).isIn(today, today.minusDays(1));

        var dashboard = web.get("/app").body();
        var onDashboard = Pattern.compile("data-channel=\"keyword\">[^<]*?(\\d+)</span>").matcher(dashboard);
        assertThat(onDashboard.find()).as("the dashboard names the channel").isTrue();
        assertThat(onDashboard.group(1)).isEqualTo("1");
        assertThat(dashboard).contains("id=\"stat-optouts\">1<");

        var report = http.get("/api/v1/reports/compliance?from=" + today + "&to=" + today, apiKey).json();
        assertThat(report.get("optOuts").get("byChannel").get("keyword").asInt()).isEqualTo(1);
        assertThat(report.get("optOuts").get("byChannel").propertyNames()).containsExactly("keyword");
        for (var purpose : report.get("consent")) {
            assertThat(purpose.get("withdrawn").asInt()).as(purpose.get("purpose").asString() + " was never granted")
                    .isZero();
        }
    }
}
