package nodus.base.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    List<NodusUser> findAll() {
        return jdbc.sql("select id, username, role, enabled, created_at from app_user order by username")
                .query((rs, i) -> new NodusUser(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    record Credentials(String username, String passwordHash, Role role, boolean enabled) {
    }

    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from app_user where username = ?")
                .param(username)
                .query((rs, i) -> new Credentials(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        rs.getBoolean(4)))
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    void insert(String username, String passwordHash, Role role) {
        jdbc.sql("insert into app_user (username, password_hash, role, enabled, created_at) values (?, ?, ?, ?, ?)")
                .params(username, passwordHash, role.name(), true, Timestamp.from(Instant.now()))
                .update();
    }

    void updateRole(String username, Role role) {
        jdbc.sql("update app_user set role = ? where username = ?").params(role.name(), username).update();
    }

    void updateEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    void updatePassword(String username, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where username = ?").params(passwordHash, username).update();
    }
}
