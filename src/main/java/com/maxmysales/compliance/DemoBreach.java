package com.maxmysales.compliance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.maxmysales.tenancy.WorkspaceCreated;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo workspace of a first run shows its breach register at work: its privacy contact filled in, and one breach
 * found 20 hours ago whose detailed report to the Board is due in 52 hours, recorded through the register itself (so
 * its deadline, audit entry and report draft are the real ones). In the demo's own transaction: the demo exists with
 * them or not at all, and a restart never records them again (the demo is made once).
 */
@Component
class DemoBreach {

    static final Duration FOUND_AGO = Duration.ofHours(20);
    private static final Logger log = LoggerFactory.getLogger(DemoBreach.class);

    private final BreachRegister register;
    private final PrivacyContacts contacts;
    private final Clock clock;

    DemoBreach(BreachRegister register, PrivacyContacts contacts, Clock clock) {
        this.register = register;
        this.contacts = contacts;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        if (!created.demo()) {
            return;
        }
        var started = System.nanoTime();
        var workspace = created.workspaceId();
        contacts.set(workspace, "Priya Menon, Data Protection Officer", "privacy@demo-shop.example", "+91 80 4000 1234");
        var found = clock.instant().minus(FOUND_AGO);
        register.record(workspace, new NewBreach(found,
                "A link to the shop's order spreadsheet was shared publicly by mistake and stayed open for a day.",
                found.minus(Duration.ofDays(1)), found, List.of("contacts"),
                "Customers' names and numbers could have been seen by people with the link; no payment data.",
                "The link was revoked the moment it was found; sharing is now limited to staff accounts."));
        log.info("Demo breach register: contact and one breach recorded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
