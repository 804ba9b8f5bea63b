package nodus.base.security;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with no users, creates the user {@code admin} with a random password printed once to the log
 * (it is stored only as a bcrypt hash). Set {@code nodus.admin.initial-password} to choose it instead (tests, CI).
 */
@Component
@Order(0)
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final String configuredPassword;

    FirstAdminInitializer(UserService users,
                          @org.springframework.beans.factory.annotation.Value("${nodus.admin.initial-password:}")
                          String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword(20) : configuredPassword;
        users.createUnchecked("admin", password, Role.ADMIN);
        if (generated) {
            log.warn("\n\n  No users existed, so Nodus created the user 'admin' with the password:\n\n      {}\n\n"
                    + "  It is shown only this once and stored only as a hash. Log in and create the other users.\n",
                    password);
        } else {
            log.info("Created the first user 'admin' with the configured initial password");
        }
    }

    static String randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
