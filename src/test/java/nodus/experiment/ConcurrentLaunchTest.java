package nodus.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nodus.base.security.Role;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two (here: eight) users launching the same content-addressed run at the same moment get one run. Runs on
 * PostgreSQL whenever a test cluster is configured (NODUS_TEST_PG_URL), else on H2.
 */
@SpringBootTest
class ConcurrentLaunchTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.registerPreferPostgres(registry);
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void concurrentLaunchesOfTheSameSpecMakeOneRun() throws Exception {
        long exp = experiments.create("concurrent", null).id();
        int users = 8;
        CyclicBarrier start = new CyclicBarrier(users);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            for (int round = 0; round < 5; round++) {
                NewRun same = new NewRun(exp, "same " + round, RunKind.CLINICAL, "t", "demo v1", "h",
                        "{\"round\":" + round + "}", 1L);
                List<Future<Long>> launched = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    String user = "user" + u;
                    launched.add(pool.submit(() -> {
                        SecurityContextHolder.getContext().setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(user, null,
                                        List.of(new SimpleGrantedAuthority("ROLE_" + Role.RESEARCHER_NAME))));
                        try {
                            start.await(30, TimeUnit.SECONDS);
                            return runs.launch(same).id();
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    }));
                }
                List<Long> ids = new ArrayList<>();
                for (Future<Long> f : launched) {
                    ids.add(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(ids).as("round %d: run ids returned to %d users", round, users).containsOnly(ids.get(0));
                assertThat(jdbc.sql("select count(*) from run where experiment_id = ? and spec_hash = ?")
                        .params(exp, RunService.specHash(same)).query(Long.class).single()).isEqualTo(1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
