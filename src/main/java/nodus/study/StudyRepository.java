package nodus.study;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.experiment.RunKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class StudyRepository {

    private static final String COLUMNS = "id, name, experiment_id, cohort_ref, spec_yaml, status, created_by, "
            + "created_at, finished_at";
    private final JdbcClient jdbc;

    StudyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored planned run (the row, before joining the run's state). */
    record Row(String key, int position, RunKind kind, String task, String name, String specJson, Long seed,
               List<String> dependsOn, String deepFrom, String splitHash, Long runId, boolean reused,
               String blockedBy) {
    }

    long insert(String name, long experimentId, String cohortRef, String yaml, String threshold, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into study (name, experiment_id, cohort_ref, spec_yaml, status, threshold, created_by, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, experimentId, cohortRef, yaml, StudyStatus.RUNNING.name(), threshold, createdBy,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertRun(long studyId, int position, PlannedRun p, String splitHash) {
        jdbc.sql("insert into study_run (study_id, run_key, position, kind, task, name, spec_json, seed, depends_on, "
                        + "deep_from, split_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(studyId, p.key(), position, p.kind().name(), p.task(), p.name(), p.specJson(), p.seed(),
                        String.join("\n", p.dependsOn()), p.deepFeaturesFrom(), splitHash)
                .update();
    }

    String threshold(long studyId) {
        return jdbc.sql("select threshold from study where id = ?").param(studyId).query(String.class).single();
    }

    List<Study> findAll() {
        return jdbc.sql("select " + COLUMNS + " from study order by id desc").query(StudyRepository::map).list();
    }

    List<Study> findRunning() {
        return jdbc.sql("select " + COLUMNS + " from study where status = ? order by id")
                .param(StudyStatus.RUNNING.name()).query(StudyRepository::map).list();
    }

    Optional<Study> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from study where id = ?").param(id).query(StudyRepository::map)
                .optional();
    }

    List<Long> studiesOfRun(long runId) {
        return jdbc.sql("select distinct study_id from study_run where run_id = ?").param(runId)
                .query(Long.class).list();
    }

    List<Row> runs(long studyId) {
        return jdbc.sql("select run_key, position, kind, task, name, spec_json, seed, depends_on, deep_from, "
                        + "split_hash, run_id, reused, blocked_by from study_run where study_id = ? order by position")
                .param(studyId).query((rs, i) -> new Row(rs.getString(1), rs.getInt(2),
                        RunKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        nullableLong(rs, 7), deps(rs.getString(8)), rs.getString(9), rs.getString(10),
                        nullableLong(rs, 11), rs.getBoolean(12), rs.getString(13)))
                .list();
    }

    /** Records the launched run; false if another thread launched it first. */
    boolean setRun(long studyId, String key, long runId, boolean reused) {
        return jdbc.sql("update study_run set run_id = ?, reused = ? where study_id = ? and run_key = ? "
                + "and run_id is null").params(runId, reused, studyId, key).update() == 1;
    }

    void block(long studyId, String key, String blockedBy) {
        jdbc.sql("update study_run set blocked_by = ? where study_id = ? and run_key = ?")
                .params(blockedBy, studyId, key).update();
    }

    void end(long studyId, StudyStatus status) {
        jdbc.sql("update study set status = ?, finished_at = ? where id = ? and status = ?")
                .params(status.name(), Timestamp.from(Instant.now()), studyId, StudyStatus.RUNNING.name()).update();
    }

    void addComparison(long studyId, String task, String comparisonId) {
        jdbc.sql("insert into study_comparison (study_id, task, comparison_id) values (?, ?, ?)")
                .params(studyId, task, comparisonId).update();
    }

    Map<String, String> comparisons(long studyId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("select c.task, c.comparison_id from study_comparison c where c.study_id = ? order by "
                        + "(select min(r.position) from study_run r where r.study_id = c.study_id and r.task = c.task)")
                .param(studyId)
                .query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    private static List<String> deps(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Study map(ResultSet rs, int row) throws SQLException {
        Timestamp f = rs.getTimestamp(9);
        return new Study(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                StudyStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant(),
                f == null ? null : f.toInstant());
    }
}
