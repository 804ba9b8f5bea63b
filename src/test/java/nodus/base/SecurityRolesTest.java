package nodus.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nodus.base.security.Role;
import nodus.base.security.UserService;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Role checks live in the services (server side), not only in hidden buttons. */
@SpringBootTest
class SecurityRolesTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    @WithMockUser(username = "sue", roles = Role.SUPERVISOR_NAME)
    void supervisorCannotCreateOrDeleteExperiments() {
        assertThatThrownBy(() -> experiments.create("by supervisor", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> experiments.delete(1)).isInstanceOf(AccessDeniedException.class);
        assertThat(experiments.list()).noneMatch(e -> e.name().equals("by supervisor"));
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void researcherCreatesAndDeletesExperiments() {
        Experiment created = experiments.create("ALN backbones", "N0 vs N+");
        assertThat(created.createdBy()).isEqualTo("rita");
        assertThatThrownBy(() -> experiments.create("ALN backbones", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        experiments.delete(created.id());
        assertThat(experiments.find(created.id())).isEmpty();
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void researcherCannotManageUsers() {
        assertThatThrownBy(() -> users.create("eve", "password123", Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "admin", roles = Role.ADMIN_NAME)
    void firstStartCreatesAdminStoredOnlyAsHash() {
        var admin = users.loadUserByUsername("admin");
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(admin.getPassword()).isNotEqualTo(FreshDataHome.ADMIN_PASSWORD).startsWith("$2");
        assertThat(passwordEncoder.matches(FreshDataHome.ADMIN_PASSWORD, admin.getPassword())).isTrue();
        users.create("sam", "supervisor-pass", Role.SUPERVISOR);
        assertThat(users.list()).extracting(u -> u.username() + ":" + u.role())
                .contains("admin:ADMIN", "sam:SUPERVISOR");
    }
}
