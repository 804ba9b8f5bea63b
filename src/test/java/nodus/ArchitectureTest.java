package nodus;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nodus.cohort.archfixture.UsesDjl;
import nodus.experiment.Experiment;
import nodus.statistics.archfixture.ImportsExperiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/architecture.md's dependency rules hold for the production code, and the rules do catch violations. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nodus");
    }

    @Test
    void featuresImportOnlyWhatTheTableAllows() {
        ArchitectureRules.featureDependencies().check(production);
    }

    @Test
    void statisticsAndImagingArePureJava() {
        ArchitectureRules.pureStatistics().check(production);
    }

    @Test
    void frameworksStayInTheirPackages() {
        ArchitectureRules.onlyDeeplearningImportsDjl().check(production);
        ArchitectureRules.onlyClassicalImportsTribuo().check(production);
        ArchitectureRules.onlyMlflowIntegrationImportsMlflow().check(production);
    }

    @Test
    void uiStaysInUiPackages() {
        ArchitectureRules.vaadinOnlyInUi().check(production);
        ArchitectureRules.servicesNeverDependOnUi().check(production);
    }

    @Test
    void noCyclesBetweenFeatures() {
        ArchitectureRules.noCyclesBetweenFeatures().check(production);
    }

    @Test
    void aForbiddenImportIsReported() {
        // Test-only fixtures that break the rules on purpose: statistics importing experiment, cohort importing DJL.
        JavaClasses withViolations = new ClassFileImporter().importClasses(ImportsExperiment.class, Experiment.class,
                UsesDjl.class);
        assertThat(ArchitectureRules.featureDependencies().evaluate(withViolations).hasViolation()).isTrue();
        assertThat(ArchitectureRules.onlyDeeplearningImportsDjl().evaluate(withViolations).hasViolation()).isTrue();
        assertThat(ArchitectureRules.featureDependencies().evaluate(
                new ClassFileImporter().importClasses(Experiment.class)).hasViolation()).isFalse();
    }
}
