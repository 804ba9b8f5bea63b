package nodus.base.security;

import java.time.Instant;

/** A stored user. The password is kept only as a bcrypt hash. */
public record NodusUser(long id, String username, Role role, boolean enabled, Instant createdAt) {
    public NodusUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (role == null) {
            throw new IllegalArgumentException("role must be given");
        }
    }
}
