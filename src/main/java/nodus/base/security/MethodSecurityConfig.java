package nodus.base.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Role checks on service methods ({@code @RolesAllowed}), active in the web app and in headless commands alike.
 * Passwords are hashed with bcrypt.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class MethodSecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
