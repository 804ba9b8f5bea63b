package nodus.experiment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RunReviewRepository {

    private static final String COLUMNS = "id, run_id, action, review_comment, reviewer, created_at";
    private final JdbcClient jdbc;

    RunReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long runId, RunReview.Action action, String comment, String reviewer, Instant at) {
        jdbc.sql("insert into run_review (run_id, action, review_comment, reviewer, created_at) values (?, ?, ?, ?, ?)")
                .params(runId, action.name(), comment, reviewer, Timestamp.from(at)).update();
    }

    List<RunReview> byRun(long runId) {
        return jdbc.sql("select " + COLUMNS + " from run_review where run_id = ? order by created_at, id")
                .param(runId).query(RunReviewRepository::map).list();
    }

    /** Every decision (APPROVE/REJECT) of all runs, oldest first; the caller keeps the latest per run. */
    List<RunReview> decisions() {
        return jdbc.sql("select " + COLUMNS + " from run_review where action <> 'COMMENT' order by created_at, id")
                .query(RunReviewRepository::map).list();
    }

    private static RunReview map(ResultSet rs, int row) throws SQLException {
        return new RunReview(rs.getLong(1), rs.getLong(2), RunReview.Action.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
    }
}
