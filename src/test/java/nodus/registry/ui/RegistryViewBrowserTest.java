package nodus.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static nodus.support.AsUser.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nodus.base.security.Role;
import nodus.base.security.UserService;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import nodus.registry.ApprovalState;
import nodus.registry.RegisteredModel;
import nodus.registry.RegistryService;
import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A supervisor approves a proposed export in the Registry view; the Runs view shows the MLflow column. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryViewBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        java.nio.file.Path home = FreshDataHome.register(registry);
        registry.add("nodus.registry.root", () -> home.resolve("model-registry").toString());
        registry.add("nodus.mlflow.tracking-uri", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    RegistryService registry;


    @Test
    void supervisorApprovesAProposedExportInTheRegistryView() {
        as("admin", Role.ADMIN, () -> {
            users.create("sue", "sue-password-123", Role.SUPERVISOR);
            return null;
        });
        RegisteredModel model = as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create("browser-registry", null).id();
            Run run = runs.launch(new NewRun(exp, "combined-svm", RunKind.COMBINED, "n0-vs-nplus", "wei2023@3",
                    "9f1c2e", "{\"c\":1}", 3L));
            runs.markRunning(run.id());
            runs.logMetrics(run.id(), 0, Map.of("test_auc", 0.84));
            runs.savePredictions(run.id(), List.of(CasePrediction.binary("c1", SplitPart.TEST, 1, 0.8)));
            runs.finish(run.id(), "{}");
            RegisteredModel m = registry.export(run.id(), "aln-combined");
            return registry.propose(m.id(), "best test AUC");
        });

        try (Browser b = Browser.open(port)) {
            b.login("sue", "sue-password-123");
            b.go("runs");
            b.waitForText(By.id("view-heading"), "Runs");
            assertThat(b.waitFor(By.id("mlflow-status")).getText()).contains("MLFLOW_TRACKING_URI");
            assertThat(b.waitFor(By.id("runs-grid")).getText()).contains("MLflow", "not tracked");
            b.screenshot("runs-mlflow-column");

            b.go("registry");
            b.waitForText(By.id("view-heading"), "Registry");
            WebElement grid = b.waitFor(By.id("registry-grid"));
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> grid.getText().contains("proposed"));
            b.driver().findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .filter(c -> c.getText().equals("aln-combined")).findFirst().orElseThrow().click();
            b.driver().findElements(By.cssSelector("vaadin-text-field")).stream()
                    .filter(f -> "Comment".equals(f.getAttribute("label"))).findFirst().orElseThrow()
                    .findElement(By.tagName("input")).sendKeys("checked the calibration");
            b.driver().findElements(By.tagName("vaadin-button")).stream()
                    .filter(x -> x.getText().startsWith("Approve")).findFirst().orElseThrow().click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> grid.getText().contains("champion"));
            b.screenshot("registry-approved");
        }
        RegisteredModel approved = registry.find(model.id()).orElseThrow();
        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(approved.reviewedBy()).isEqualTo("sue");
        assertThat(approved.reviewComment()).isEqualTo("checked the calibration");
    }
}
