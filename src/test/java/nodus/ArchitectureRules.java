package nodus;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency rules of docs/architecture.md, as ArchUnit rules. Keep the table below and the document's table
 * identical: the test is the document's proof.
 */
final class ArchitectureRules {

    /** Feature → the other nodus features it may import (every feature may import {@code base}). */
    static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("base", List.of());
        ALLOWED.put("statistics", List.of());
        ALLOWED.put("imaging", List.of());
        ALLOWED.put("radiomics", List.of("imaging"));
        ALLOWED.put("cohort", List.of("imaging", "statistics"));
        ALLOWED.put("experiment", List.of("cohort", "statistics"));
        ALLOWED.put("classical", List.of("cohort", "experiment", "imaging", "radiomics", "statistics"));
        ALLOWED.put("deeplearning", List.of("cohort", "experiment", "imaging", "statistics"));
        ALLOWED.put("registry", List.of("cohort", "experiment", "statistics"));
        ALLOWED.put("integration.mlflow", List.of("experiment", "registry"));
        ALLOWED.put("study", List.of("cohort", "experiment", "statistics", "classical", "deeplearning"));
    }

    private ArchitectureRules() {
    }

    static ArchRule featureDependencies() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((feature, allowed) -> {
            List<String> packages = new ArrayList<>();
            packages.add("nodus." + feature + "..");
            packages.add("java..");
            if (!feature.equals("base")) {
                packages.add("nodus.base..");
            }
            allowed.forEach(a -> packages.add("nodus." + a + ".."));
            rules.add(classes().that().resideInAPackage("nodus." + feature + "..")
                    .should().onlyDependOnClassesThat(
                            not(resideInAPackage("nodus..")).or(resideInAnyPackage(packages.toArray(String[]::new))))
                    .as("nodus." + feature + " imports only " + (allowed.isEmpty() ? "base" : "base, " + allowed))
                    // A feature that has no classes yet has nothing to break.
                    .allowEmptyShould(true));
        });
        return CompositeArchRule.of(rules);
    }

    static ArchRule pureStatistics() {
        return noClasses().that().resideInAnyPackage("nodus.statistics..", "nodus.imaging..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..", "ai.djl..", "org.tribuo..")
                .as("statistics and imaging are pure Java (no Spring, no Vaadin, no ML framework)");
    }

    static ArchRule onlyDeeplearningImportsDjl() {
        return noClasses().that().resideOutsideOfPackage("nodus.deeplearning..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .as("only nodus.deeplearning imports DJL");
    }

    static ArchRule onlyClassicalImportsTribuo() {
        return noClasses().that().resideOutsideOfPackage("nodus.classical..")
                .should().dependOnClassesThat().resideInAPackage("org.tribuo..")
                .as("only nodus.classical imports Tribuo");
    }

    static ArchRule onlyMlflowIntegrationImportsMlflow() {
        return noClasses().that().resideOutsideOfPackage("nodus.integration.mlflow..")
                .should().dependOnClassesThat().resideInAPackage("org.mlflow..")
                .as("only nodus.integration.mlflow imports the MLflow client");
    }

    static ArchRule vaadinOnlyInUi() {
        return noClasses().that().resideOutsideOfPackages("..ui..", "nodus.base.security..")
                .and().resideInAPackage("nodus.*..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .as("only ui packages (and base.security, which configures Vaadin's security) import Vaadin");
    }

    static ArchRule servicesNeverDependOnUi() {
        return noClasses().that().resideOutsideOfPackages("..ui..", "nodus.base.security..", "nodus")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .as("services never depend on UI");
    }

    static ArchRule noCyclesBetweenFeatures() {
        return slices().matching("nodus.(*)..").should().beFreeOfCycles();
    }
}
