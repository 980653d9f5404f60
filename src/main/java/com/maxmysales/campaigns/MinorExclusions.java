package com.maxmysales.campaigns;

import java.sql.Timestamp;
import java.time.Instant;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How often campaigns left a minor out (exclusion {@code minor}, contacts.Minors): for the compliance report (P10). */
@Repository
public class MinorExclusions {

    private final JdbcClient jdbc;

    MinorExclusions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recipients excluded as minors from the campaigns launched in [from, to). */
    public long between(WorkspaceId workspace, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from campaign_recipients r join campaigns c on c.id = r.campaign_id
                where r.workspace_id = :workspace and c.workspace_id = :workspace and r.status = 'excluded'
                  and r.exclusion = :minor and c.launched_at >= :from and c.launched_at < :to
                """).param("workspace", workspace.value()).param("minor", Exclusion.MINOR.code())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }
}
