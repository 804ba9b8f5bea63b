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
