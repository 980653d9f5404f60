package com.maxmysales.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real mail server (GreenMail, SMTP and IMAP) per test JVM, and every platform context pointed at it: the opt-out
 * mailbox the platform reads "Unsubscribe" emails from and answers through, the privacy module's verification mail and
 * the account mail of business users. Tests tell their mails apart by address. A setting the test class makes itself
 * wins, so that a context can do without one (an empty {@code smtp-host} turns that mail off).
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The mailbox the platform reads opt-out requests from, and sends their confirmations as. */
    public static final String OPTOUT_MAILBOX = "unsubscribe@operator.example";
    public static final String OPTOUT_PASSWORD = "mailbox-secret";
    /** The workspace that reviews opt-out emails naming nobody it knows (the operator's own). */
    public static final String REVIEW_WORKSPACE = "00000000-0000-4000-8000-00000000e4a1";
    /**
     * The operator's holidays for opt-out deadlines: the next two weekdays in India, inside the ten business days of
     * any mail the tests send.
     */
    public static final List<LocalDate> OPTOUT_HOLIDAYS = Stream.iterate(LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(1),
                    day -> day.plusDays(1))
            .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
            .limit(2).toList();
    /** The privacy contact that verification codes come from. */
    public static final String PRIVACY_SENDER = "privacy@operator.example";

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
            server.start();
            server.setUser(OPTOUT_MAILBOX, OPTOUT_MAILBOX, OPTOUT_PASSWORD);
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var smtp = String.valueOf(server().getSmtp().getPort());
        var imap = String.valueOf(server().getImap().getPort());
        var environment = context.getEnvironment();
        var properties = new String[] {
                "maxmysales.optout.mail.imap-protocol=imap",
                "maxmysales.optout.mail.imap-host=127.0.0.1",
                "maxmysales.optout.mail.imap-port=" + imap,
                "maxmysales.optout.mail.smtp-host=127.0.0.1",
                "maxmysales.optout.mail.smtp-port=" + smtp,
                "maxmysales.optout.mail.smtp-starttls=false",
                "maxmysales.optout.mail.username=" + OPTOUT_MAILBOX,
                "maxmysales.optout.mail.password=" + OPTOUT_PASSWORD,
                "maxmysales.optout.mail.from=" + OPTOUT_MAILBOX,
                // Tests poll the mailbox themselves; a scheduled poll in another context must not take their mail.
                "maxmysales.optout.mail.poll-interval=PT12H",
                "maxmysales.optout.mail.review-workspace=" + REVIEW_WORKSPACE,
                "maxmysales.optout.mail.holidays=" + OPTOUT_HOLIDAYS.stream().map(LocalDate::toString)
                        .collect(Collectors.joining(",")),
                "maxmysales.privacy.mail.smtp-host=127.0.0.1",
                "maxmysales.privacy.mail.smtp-port=" + smtp,
                "maxmysales.privacy.mail.smtp-starttls=false",
                "maxmysales.privacy.mail.from=" + PRIVACY_SENDER,
                "maxmysales.tenancy.mail.smtp-host=127.0.0.1",
                "maxmysales.tenancy.mail.smtp-port=" + smtp,
                "maxmysales.tenancy.mail.smtp-starttls=false"};
        var ownSettings = Arrays.stream(new String[] {"optout", "privacy", "tenancy"})
                .filter(module -> environment.containsProperty("maxmysales." + module + ".mail.smtp-host"))
                .map(module -> "maxmysales." + module + ".").toList();
        TestPropertyValues.of(Arrays.stream(properties)
                .filter(property -> ownSettings.stream().noneMatch(property::startsWith))).applyTo(context);
    }
}
