package nodus.registry;

import java.nio.file.Path;
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
class RegistryRepository {

    private static final String COLUMNS = "id, model_name, version, run_id, directory, weights_present, state, "
            + "exported_by, exported_at, proposed_by, proposed_at, proposal_comment, reviewed_by, reviewed_at, "
            + "review_comment, champion";
    private final JdbcClient jdbc;

    RegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RegisteredModel> findAll() {
        return jdbc.sql("select " + COLUMNS + " from registry_model order by model_name, version desc")
                .query(RegistryRepository::map).list();
    }

    Optional<RegisteredModel> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from registry_model where id = ?").param(id)
                .query(RegistryRepository::map).optional();
    }

    int nextVersion(String name) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from registry_model where model_name = ?").param(name)
                .query(Integer.class).single();
    }

    long insert(String name, int version, long runId, Path directory, boolean weights, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into registry_model (model_name, version, run_id, directory, weights_present, state, "
                        + "exported_by, exported_at) values (?, ?, ?, ?, ?, 'EXPORTED', ?, ?)")
                .params(name, version, runId, directory.toString(), weights, by, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void propose(long id, String by, String comment) {
        jdbc.sql("update registry_model set state = 'PROPOSED', proposed_by = ?, proposed_at = ?, "
                        + "proposal_comment = ?, reviewed_by = null, reviewed_at = null, review_comment = null "
                        + "where id = ?")
                .params(by, Timestamp.from(Instant.now()), comment, id).update();
    }

    void makeChampion(long id, String name) {
        jdbc.sql("update registry_model set champion = ? where model_name = ?").params(false, name).update();
        jdbc.sql("update registry_model set champion = ? where id = ?").params(true, id).update();
    }

    private static RegisteredModel map(ResultSet rs, int row) throws SQLException {
        return new RegisteredModel(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                Path.of(rs.getString(5)), rs.getBoolean(6), ApprovalState.valueOf(rs.getString(7)), rs.getString(8),
                instant(rs, 9), rs.getString(10), instant(rs, 11), rs.getString(12), rs.getString(13),
                instant(rs, 14), rs.getString(15), rs.getBoolean(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
