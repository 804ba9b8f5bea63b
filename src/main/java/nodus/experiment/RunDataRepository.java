package nodus.experiment;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A run's metric history and per-case predictions. */
@Repository
class RunDataRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunDataRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void upsertMetrics(long runId, List<MetricPoint> points) {
        // Delete-then-insert keeps one value per (key, step) — re-logging a step replaces it — on H2 and PostgreSQL.
        template.batchUpdate("delete from run_metric where run_id = ? and metric_key = ? and step = ?",
                points.stream().map(p -> new Object[] {runId, p.key(), p.step()}).toList());
        template.batchUpdate("insert into run_metric (run_id, metric_key, step, metric_value, recorded_at) "
                        + "values (?, ?, ?, ?, ?)",
                points.stream().map(p -> new Object[] {runId, p.key(), p.step(), p.value(),
                        Timestamp.from(p.recordedAt())}).toList());
    }

    List<MetricPoint> metrics(long runId) {
        return jdbc.sql("select metric_key, step, metric_value, recorded_at from run_metric where run_id = ? "
                        + "order by metric_key, step")
                .param(runId)
                .query((rs, i) -> new MetricPoint(rs.getString(1), rs.getInt(2), rs.getDouble(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    void replacePredictions(long runId, List<CasePrediction> predictions) {
        jdbc.sql("delete from run_prediction where run_id = ?").param(runId).update();
        List<Object[]> rows = new ArrayList<>(predictions.size());
        for (CasePrediction p : predictions) {
            rows.add(new Object[] {runId, p.part().name(), p.caseId(), p.label(), p.score(),
                    p.probabilities() == null ? null : Arrays.stream(p.probabilities())
                            .mapToObj(Double::toString).collect(Collectors.joining(","))});
        }
        template.batchUpdate("insert into run_prediction (run_id, part, case_id, label, score, probabilities) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
    }

    void replaceCaseFeatures(long runId, java.util.Map<String, float[]> vectors) {
        jdbc.sql("delete from run_case_feature where run_id = ?").param(runId).update();
        List<Object[]> rows = new ArrayList<>(vectors.size());
        vectors.forEach((caseId, v) -> {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(v.length * Float.BYTES)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(v);
            rows.add(new Object[] {runId, caseId, v.length, bytes.array()});
        });
        template.batchUpdate("insert into run_case_feature (run_id, case_id, dimension, vector) values (?, ?, ?, ?)",
                rows);
    }

    java.util.Map<String, float[]> caseFeatures(long runId) {
        java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select case_id, dimension, vector from run_case_feature where run_id = ? order by case_id")
                .param(runId)
                .query(rs -> {
                    float[] v = new float[rs.getInt(2)];
                    java.nio.ByteBuffer.wrap(rs.getBytes(3)).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                            .get(v);
                    out.put(rs.getString(1), v);
                });
        return out;
    }

    List<CasePrediction> predictions(long runId) {
        return jdbc.sql("select case_id, part, label, score, probabilities from run_prediction where run_id = ? "
                        + "order by part, case_id")
                .param(runId)
                .query((rs, i) -> {
                    String probs = rs.getString(5);
                    return new CasePrediction(rs.getString(1), SplitPart.valueOf(rs.getString(2)), rs.getInt(3),
                            rs.getDouble(4), probs == null ? null
                            : Arrays.stream(probs.split(",")).mapToDouble(Double::parseDouble).toArray());
                })
                .list();
    }
}
