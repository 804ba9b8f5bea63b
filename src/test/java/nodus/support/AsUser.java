package nodus.support;

import java.util.List;
import java.util.function.Supplier;
import nodus.base.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a service call as a given user and role (the services check roles server-side), then restores the caller. */
public final class AsUser {

    private AsUser() {
    }

    public static <T> T as(String user, Role role, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
