package nodus.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RunRepository {

    private static final String COLUMNS = "id, experiment_id, name, kind, task, cohort_ref, split_hash, spec_hash, "
            + "status, status_message, created_by, created_at, started_at, finished_at";
    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Run> findAll() {
        return jdbc.sql("select " + COLUMNS + " from run order by created_at desc, id desc")
                .query(RunRepository::map).list();
    }

    List<Run> findByExperiment(long experimentId) {
        return jdbc.sql("select " + COLUMNS + " from run where experiment_id = ? order by id")
                .param(experimentId).query(RunRepository::map).list();
    }

    Optional<Run> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from run where id = ?").param(id)
                .query(RunRepository::map).optional();
    }

    long countByExperiment(long experimentId) {
        return jdbc.sql("select count(*) from run where experiment_id = ?").param(experimentId)
                .query(Long.class).single();
    }

    long insert(NewRun run, String specHash, String createdBy) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into run (experiment_id, name, kind, task, cohort_ref, split_hash, spec_hash, spec_json, seed, "
                        + "status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(run.experimentId(), run.name(), run.kind().name(), run.task(), run.cohortRef(),
                        run.splitHash(), specHash, run.specJson(), run.seed(), RunStatus.QUEUED.name(), createdBy,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Locks the experiment's row until the end of the transaction (serialises launches in one experiment). */
    void lockExperiment(long experimentId) {
        jdbc.sql("select id from experiment where id = ? for update").param(experimentId).query(Long.class).list();
    }

    Optional<Run> findBySpecHash(long experimentId, String specHash) {
        return jdbc.sql("select " + COLUMNS + " from run where experiment_id = ? and spec_hash = ? "
                        + "and status not in ('FAILED', 'CANCELLED') order by id")
                .params(experimentId, specHash).query(RunRepository::map).list().stream().findFirst();
    }

    Optional<String> specJson(long id) {
        return jdbc.sql("select spec_json from run where id = ?").param(id).query(String.class).optional();
    }

    Optional<Long> seed(long id) {
        return jdbc.sql("select seed from run where id = ?").param(id).query((rs, i) -> {
            long seed = rs.getLong(1);
            return rs.wasNull() ? null : seed;
        }).optional();
    }

    Optional<String> provenanceJson(long id) {
        return jdbc.sql("select provenance_json from run where id = ?").param(id).query(String.class).optional();
    }

    /** Moves a run to {@code to} only from one of {@code from}; false if the run was not in such a state. */
    boolean transition(long id, java.util.Set<RunStatus> from, RunStatus to, String message) {
        String in = from.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(","));
        String times = switch (to) {
            case RUNNING -> ", started_at = coalesce(started_at, ?)";
            case FINISHED, FAILED, CANCELLED -> ", finished_at = ?";
            default -> "";
        };
        var spec = jdbc.sql("update run set status = ?, status_message = ?" + times + " where id = ? and status in ("
                + in + ")");
        return (times.isEmpty()
                ? spec.params(to.name(), message, id)
                : spec.params(to.name(), message, Timestamp.from(Instant.now()), id)).update() == 1;
    }

    /** Records the worker that starts (or resumes) the run and counts the start. */
    void recordWorker(long id, String workerId, String workerName) {
        jdbc.sql("update run set worker_id = ?, worker_name = ?, executions = executions + 1 where id = ?")
                .params(workerId, workerName, id).update();
    }

    List<RunWorker> workers(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, worker_id, worker_name, executions from run where id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> new RunWorker(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    java.util.Map<String, Long> runningPerWorker() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select worker_id, count(*) from run where status = 'RUNNING' and worker_id is not null "
                        + "group by worker_id")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    void setProvenance(long id, String provenanceJson) {
        jdbc.sql("update run set provenance_json = ? where id = ?").params(provenanceJson, id).update();
    }

    void requestCancel(long id) {
        jdbc.sql("update run set cancel_requested = ? where id = ?").params(true, id).update();
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from run where id = ?").param(id).query(Boolean.class).single();
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), RunKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                RunStatus.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), instant(rs, 12),
                instant(rs, 13), instant(rs, 14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
