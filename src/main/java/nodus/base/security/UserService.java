package nodus.base.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles. Managing users is for ADMIN only (checked here, on the server, not just in the UI). */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserRepository.Credentials c = users.findCredentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
        return User.withUsername(c.username()).password(c.passwordHash()).roles(c.role().name())
                .disabled(!c.enabled()).build();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public List<NodusUser> list() {
        return users.findAll();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void create(String username, String password, Role role) {
        createUnchecked(username, password, role);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void changeRole(String username, Role role) {
        users.updateRole(username, role);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        users.updateEnabled(username, enabled);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void resetPassword(String username, String password) {
        requireStrong(password);
        users.updatePassword(username, passwordEncoder.encode(password));
    }

    /** For start-up initialisers (no logged-in user exists yet). */
    void createUnchecked(String username, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,100}")) {
            throw new IllegalArgumentException("username must be 2–100 letters, digits, '.', '_' or '-'");
        }
        requireStrong(password);
        if (users.exists(username)) {
            throw new IllegalArgumentException("user '" + username + "' already exists");
        }
        users.insert(username, passwordEncoder.encode(password), role);
    }

    long count() {
        return users.count();
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password must have at least 8 characters");
        }
    }
}
