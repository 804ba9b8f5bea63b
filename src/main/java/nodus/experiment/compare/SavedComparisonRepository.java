package nodus.experiment.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SavedComparisonRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, name, spec_json, created_by, created_at";
    private final JdbcClient jdbc;

    SavedComparisonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SavedComparison c) {
        jdbc.sql("insert into comparison (id, name, experiment_id, spec_json, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.spec().experimentId(), write(c.spec()), c.createdBy(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    Optional<SavedComparison> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from comparison where id = ?").param(id).query(this::map).optional();
    }

    List<SavedComparison> byExperiment(long experimentId) {
        return jdbc.sql("select " + COLUMNS + " from comparison where experiment_id = ? order by created_at desc")
                .param(experimentId).query(this::map).list();
    }

    private SavedComparison map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SavedComparison(rs.getString(1), rs.getString(2), read(rs.getString(3)), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    static String write(ComparisonSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write comparison spec", e);
        }
    }

    static ComparisonSpec read(String json) {
        try {
            return JSON.readValue(json, ComparisonSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored comparison spec is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
