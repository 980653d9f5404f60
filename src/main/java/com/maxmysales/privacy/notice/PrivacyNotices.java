package com.maxmysales.privacy.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.maxmysales.privacy.retention.RetentionSettings;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** The privacy notice in force, its version history (P11), and which business user accepted which version. */
@NamedInterface("notice")
@Service
public class PrivacyNotices implements ApplicationRunner {

    private final PrivacyNoticeSettings notice;
    private final RetentionSettings retention;
    private final JdbcClient jdbc;
    private final Clock clock;

    PrivacyNotices(PrivacyNoticeSettings notice, RetentionSettings retention, JdbcClient jdbc, Clock clock) {
        this.notice = notice;
        this.retention = retention;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Publishing is configuring a new version: the first start with it records it in the history. */
    @Override
    public void run(ApplicationArguments args) {
        publishCurrentVersion();
    }

    private void publishCurrentVersion() {
        jdbc.sql("""
                insert into privacy_notice_versions (version, effective_from, published_at)
                values (:version, :from, :now) on conflict do nothing
                """)
                .param("version", notice.version()).param("from", notice.effectiveFrom())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public PrivacyNotice current() {
        return new PrivacyNotice(notice.version(), notice.effectiveFrom(), notice.operatorName(), notice.contactEmail(),
                notice.optOutEmail(), notice.grievanceOfficerName(), notice.grievanceOfficerEmail(),
                notice.jurisdiction(), retention.content().toDays(), retention.trafficMetadata().toDays(),
                retention.audit().toDays() / 365);
    }

    public List<PrivacyNoticeVersion> history() {
        return jdbc.sql("select version, effective_from, published_at from privacy_notice_versions order by published_at desc")
                .query((rs, n) -> new PrivacyNoticeVersion(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    public void acceptCurrent(UUID businessUserId) {
        publishCurrentVersion();
        jdbc.sql("""
                insert into privacy_notice_acceptances (user_id, version, accepted_at)
                values (:user, :version, :now) on conflict do nothing
                """)
                .param("user", businessUserId).param("version", notice.version())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public boolean hasAcceptedCurrent(UUID businessUserId) {
        return jdbc.sql("select exists (select 1 from privacy_notice_acceptances where user_id = :user and version = :version)")
                .param("user", businessUserId).param("version", notice.version())
                .query(Boolean.class).single();
    }
}
