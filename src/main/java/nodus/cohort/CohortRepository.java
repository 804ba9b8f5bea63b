package nodus.cohort;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CohortRepository {

    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() { };
    private static final TypeReference<List<Task>> TASKS = new TypeReference<>() { };
    private static final String COLUMNS =
            "id, name, version, dataset_id, description, rules_json, tasks_json, created_by, created_at";
    private final JdbcClient jdbc;

    CohortRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from cohort").query(Long.class).single();
    }

    List<Cohort> findAll() {
        return jdbc.sql("select " + COLUMNS + " from cohort order by name, version desc").query(CohortRepository::map)
                .list();
    }

    Optional<Cohort> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from cohort where id = ?").param(id).query(CohortRepository::map)
                .optional();
    }

    List<Cohort> versions(String name) {
        return jdbc.sql("select " + COLUMNS + " from cohort where name = ? order by version").param(name)
                .query(CohortRepository::map).list();
    }

    int maxVersion(String name) {
        Integer v = jdbc.sql("select max(version) from cohort where name = ?").param(name).query(Integer.class)
                .optional().orElse(null);
        return v == null ? 0 : v;
    }

    long insert(String name, int version, long datasetId, String description, List<Rule> rules, List<Task> tasks,
            String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into cohort (name, version, dataset_id, description, rules_json, tasks_json, created_by, "
                        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, version, datasetId, description, Json.write(rules), Json.write(tasks), createdBy,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Cohort map(ResultSet rs, int row) throws SQLException {
        return new Cohort(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                Json.read(rs.getString(6), RULES), Json.read(rs.getString(7), TASKS), rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }
}
