package nodus.experiment.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox entries and the per-run sync state (tables of V50). */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This database's installation key, made once (a random UUID) and kept. */
    synchronized String installKey() {
        Optional<String> key = jdbc.sql("select install_key from tracking_installation where id = 1")
                .query(String.class).optional();
        if (key.isPresent()) {
            return key.get();
        }
        String made = UUID.randomUUID().toString();
        jdbc.sql("insert into tracking_installation (id, install_key) values (1, ?)").param(made).update();
        return made;
    }

    void append(long runId, EntryKind kind, String payload) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into tracking_outbox (run_id, kind, payload, created_at) values (?, ?, ?, ?)")
                .params(runId, kind.name(), payload, now).update();
        // A run with new work is PENDING, unless it is already FAILING: the error stays visible until a success.
        int updated = jdbc.sql("update tracking_run set state = case when state = 'FAILING' then 'FAILING' "
                        + "else 'PENDING' end, updated_at = ? where run_id = ?")
                .params(now, runId).update();
        if (updated == 0) {
            jdbc.sql("insert into tracking_run (run_id, state, attempts, next_attempt_at, updated_at) "
                    + "values (?, 'PENDING', 0, ?, ?)").params(runId, now, now).update();
        }
    }

    /** Runs with undelivered entries whose next attempt is due, oldest work first. */
    List<Long> dueRuns(Instant now) {
        return jdbc.sql("select t.run_id from tracking_run t where t.next_attempt_at <= ? and exists "
                        + "(select 1 from tracking_outbox o where o.run_id = t.run_id and o.delivered_at is null) "
                        + "order by t.next_attempt_at, t.run_id")
                .param(Timestamp.from(now)).query(Long.class).list();
    }

    List<OutboxEntry> pending(long runId, int limit) {
        return jdbc.sql("select id, run_id, kind, payload, created_at from tracking_outbox "
                        + "where run_id = ? and delivered_at is null order by id fetch first " + limit + " rows only")
                .param(runId)
                .query((rs, i) -> new OutboxEntry(rs.getLong(1), rs.getLong(2), EntryKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    long pendingCount(long runId) {
        return jdbc.sql("select count(*) from tracking_outbox where run_id = ? and delivered_at is null")
                .param(runId).query(Long.class).single();
    }

    void markDelivered(long entryId) {
        jdbc.sql("update tracking_outbox set delivered_at = ? where id = ?")
                .params(Timestamp.from(Instant.now()), entryId).update();
    }

    void saveRemote(long runId, String experiment, String run, String artifactUri) {
        jdbc.sql("update tracking_run set remote_experiment = ?, remote_run = ?, artifact_uri = ? where run_id = ?")
                .params(experiment, run, artifactUri, runId).update();
    }

    Optional<String[]> remote(long runId) {
        return jdbc.sql("select remote_experiment, remote_run, artifact_uri from tracking_run "
                        + "where run_id = ? and remote_run is not null")
                .param(runId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
    }

    void succeeded(long runId) {
        Timestamp now = Timestamp.from(Instant.now());
        String state = pendingCount(runId) == 0 ? "SYNCED" : "PENDING";
        jdbc.sql("update tracking_run set state = ?, last_error = null, attempts = 0, next_attempt_at = ?, "
                + "updated_at = ? where run_id = ?").params(state, now, now, runId).update();
        // An entry committed while the update above waited for the recording transaction's row lock was not
        // counted: count again now that it is visible, so a run is never SYNCED with work waiting.
        if (state.equals("SYNCED") && pendingCount(runId) > 0) {
            jdbc.sql("update tracking_run set state = 'PENDING' where run_id = ? and state = 'SYNCED'")
                    .param(runId).update();
        }
    }

    void failed(long runId, String error, int attempts, Instant nextAttempt) {
        String message = error == null ? "unknown error" : error.length() > 4000 ? error.substring(0, 4000) : error;
        jdbc.sql("update tracking_run set state = 'FAILING', last_error = ?, attempts = ?, next_attempt_at = ?, "
                        + "updated_at = ? where run_id = ?")
                .params(message, attempts, Timestamp.from(nextAttempt), Timestamp.from(Instant.now()), runId)
                .update();
    }

    int attempts(long runId) {
        return jdbc.sql("select attempts from tracking_run where run_id = ?").param(runId).query(Integer.class)
                .optional().orElse(0);
    }

    Optional<RunSync> sync(long runId) {
        return jdbc.sql("select t.run_id, t.state, t.remote_run, t.last_error, t.attempts, t.updated_at, t.remote_experiment, "
                        + "(select count(*) from tracking_outbox o where o.run_id = t.run_id and o.delivered_at is null) "
                        + "from tracking_run t where t.run_id = ?")
                .param(runId).query(OutboxRepository::mapSync).optional();
    }

    Map<Long, RunSync> allSyncs() {
        return jdbc.sql("select t.run_id, t.state, t.remote_run, t.last_error, t.attempts, t.updated_at, t.remote_experiment, "
                        + "(select count(*) from tracking_outbox o where o.run_id = t.run_id and o.delivered_at is null) "
                        + "from tracking_run t")
                .query(OutboxRepository::mapSync).list().stream()
                .collect(Collectors.toMap(RunSync::runId, s -> s));
    }

    private static RunSync mapSync(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp updated = rs.getTimestamp(6);
        SyncState state = SyncState.valueOf(rs.getString(2));
        if (state == SyncState.SYNCED && rs.getLong(8) > 0) {
            state = SyncState.PENDING;
        }
        return new RunSync(rs.getLong(1), state, rs.getString(7), rs.getString(3), null,
                rs.getString(4), rs.getInt(5), rs.getLong(8), updated == null ? null : updated.toInstant());
    }
}
