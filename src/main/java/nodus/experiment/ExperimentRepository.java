package nodus.experiment;

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
class ExperimentRepository {

    private static final String COLUMNS = "id, name, description, created_by, created_at";
    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Experiment> findAll() {
        return jdbc.sql("select " + COLUMNS + " from experiment order by created_at desc, id desc")
                .query(ExperimentRepository::map).list();
    }

    Optional<Experiment> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from experiment where id = ?").param(id)
                .query(ExperimentRepository::map).optional();
    }

    Optional<Experiment> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from experiment where name = ?").param(name)
                .query(ExperimentRepository::map).optional();
    }

    long insert(String name, String description, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into experiment (name, description, created_by, created_at) values (?, ?, ?, ?)")
                .params(name, description, createdBy, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void delete(long id) {
        jdbc.sql("delete from experiment where id = ?").param(id).update();
    }

    private static Experiment map(ResultSet rs, int row) throws SQLException {
        return new Experiment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}
