package nodus.cohort;

import java.util.List;
import java.util.function.Supplier;
import nodus.base.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the user "system" with the RESEARCHER authority, for start-up (demo cohort) and command-line
 * imports: the services check roles on every call, and these callers have no logged-in user.
 */
public final class SystemUser {

    private SystemUser() {
    }

    public static <T> T asResearcher(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.RESEARCHER_NAME))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
