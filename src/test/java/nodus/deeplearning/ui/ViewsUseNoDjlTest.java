package nodus.deeplearning.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The fine-tuning views call services (deeplearning.finetune, experiment), never DJL itself. */
class ViewsUseNoDjlTest {

    @Test
    void viewsDoNotImportDjl() {
        noClasses().that().resideInAPackage("nodus.deeplearning.ui..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .as("nodus.deeplearning.ui does not use DJL directly")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nodus.deeplearning"));
    }
}
