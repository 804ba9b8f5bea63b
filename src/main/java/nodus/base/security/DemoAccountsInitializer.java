package nodus.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo accounts with known passwords — only in the explicit {@code demo} profile, never by default. */
@Component
@Profile("demo")
@Order(1)
class DemoAccountsInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsInitializer.class);
    private final UserService users;

    DemoAccountsInitializer(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        create("researcher", "researcher-demo", Role.RESEARCHER);
        create("supervisor", "supervisor-demo", Role.SUPERVISOR);
    }

    private void create(String name, String password, Role role) {
        try {
            users.createUnchecked(name, password, role);
            log.info("demo profile: created {} / {} ({})", name, password, role);
        } catch (IllegalArgumentException alreadyThere) {
            log.debug("demo account {} exists", name);
        }
    }
}
