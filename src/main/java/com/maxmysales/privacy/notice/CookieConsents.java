package com.maxmysales.privacy.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** Keeps proof of each cookie choice, anonymously: the record's id is known only to the visitor's browser. */
@NamedInterface("notice")
@Service
public class CookieConsents {

    private final JdbcClient jdbc;
    private final PrivacyNoticeSettings notice;
    private final Clock clock;

    CookieConsents(JdbcClient jdbc, PrivacyNoticeSettings notice, Clock clock) {
        this.jdbc = jdbc;
        this.notice = notice;
        this.clock = clock;
    }

    public UUID record(CookieChoice choice) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into cookie_consents (id, choice, notice_version, recorded_at)
                values (:id, :choice, :version, :now)
                """)
                .param("id", id).param("choice", choice.code()).param("version", notice.version())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return id;
    }
}
