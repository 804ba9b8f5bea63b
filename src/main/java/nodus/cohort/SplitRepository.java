package nodus.cohort;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SplitRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, cohort_id, task_name, name, scheme, seed, balance_json, content_hash, "
            + "used, used_at, created_by, created_at";
    private final JdbcClient jdbc;

    SplitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Split> findByCohort(long cohortId) {
        return jdbc.sql("select " + COLUMNS + " from cohort_split where cohort_id = ? order by id").param(cohortId)
                .query(SplitRepository::map).list();
    }

    Optional<Split> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from cohort_split where id = ?").param(id)
                .query(SplitRepository::map).optional();
    }

    long insert(long cohortId, String task, String name, SplitScheme scheme, Long seed, List<String> balance,
            String hash, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into cohort_split (cohort_id, task_name, name, scheme, seed, balance_json, content_hash, "
                        + "used, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(cohortId, task, name, scheme.name(), seed, Json.write(balance), hash, false, createdBy,
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertAssignment(long splitId, long caseId, String patient, Part part) {
        jdbc.sql("insert into split_assignment (split_id, case_id, patient_key, part) values (?, ?, ?, ?)")
                .params(splitId, caseId, patient, part.name()).update();
    }

    Map<Long, Part> assignments(long splitId) {
        Map<Long, Part> parts = new LinkedHashMap<>();
        jdbc.sql("select case_id, part from split_assignment where split_id = ? order by case_id").param(splitId)
                .query(rs -> {
                    parts.put(rs.getLong(1), Part.valueOf(rs.getString(2)));
                });
        return parts;
    }

    /** Marks used; only the first call changes the row (frozen from then on). */
    void markUsed(long id) {
        jdbc.sql("update cohort_split set used = ?, used_at = ? where id = ? and used = ?")
                .params(true, Timestamp.from(Instant.now()), id, false).update();
    }

    void rename(long id, String name) {
        jdbc.sql("update cohort_split set name = ? where id = ? and used = ?").params(name, id, false).update();
    }

    void delete(long id) {
        jdbc.sql("delete from split_assignment where split_id = ?").param(id).update();
        jdbc.sql("delete from cohort_split where id = ? and used = ?").params(id, false).update();
    }

    private static Split map(ResultSet rs, int row) throws SQLException {
        long seed = rs.getLong(6);
        Long seedOrNull = rs.wasNull() ? null : seed;
        Timestamp usedAt = rs.getTimestamp(10);
        return new Split(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                SplitScheme.valueOf(rs.getString(5)), seedOrNull, Json.read(rs.getString(7), STRINGS),
                rs.getString(8), rs.getBoolean(9), usedAt == null ? null : usedAt.toInstant(), rs.getString(11),
                rs.getTimestamp(12).toInstant());
    }
}
