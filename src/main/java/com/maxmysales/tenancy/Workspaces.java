package com.maxmysales.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import com.maxmysales.shared.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Workspaces {

    private final JdbcClient jdbc;
    private final ZoneId defaultZone;

    Workspaces(JdbcClient jdbc, TenancySettings settings) {
        this.jdbc = jdbc;
        this.defaultZone = settings.defaultTimeZone();
    }

    void insert(WorkspaceId id, String name, Instant now) {
        jdbc.sql("insert into workspaces (id, name, created_at) values (:id, :name, :now)")
                .param("id", id.value()).param("name", name).param("now", Timestamp.from(now))
                .update();
    }

    Optional<Workspace> find(WorkspaceId id) {
        return jdbc.sql("select id, name, default_region, data_region, created_at, time_zone from workspaces where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Workspace(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6) == null ? defaultZone : ZoneId.of(rs.getString(6))))
                .optional();
    }

    boolean update(WorkspaceId id, String name, ZoneId timeZone, String defaultRegion) {
        return jdbc.sql("""
                update workspaces set name = :name, time_zone = :zone, default_region = :region where id = :id
                """)
                .param("name", name).param("zone", timeZone.getId()).param("region", defaultRegion)
                .param("id", id.value()).update() == 1;
    }

    void lockFirstRun() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('maxmysales.first-run'))").query().singleRow();
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from workspaces)").query(Boolean.class).single();
    }
}
