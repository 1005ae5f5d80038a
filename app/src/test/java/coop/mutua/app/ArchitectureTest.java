package coop.mutua.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of ARCHITECTURE.md, stated as tests. Every rule says {@code allowEmptyShould(false)}: a rule that
 * checked no class (a context renamed, a package moved) fails instead of passing.
 */
class ArchitectureTest {

    private static final List<String> CONTEXTS = List.of("catalog", "ordering", "billing");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("coop.mutua");
    }

    @Test
    void contextsSeeOnlyTheKernelAndOtherContextsApi() {
        for (String context : CONTEXTS) {
            for (String other : CONTEXTS) {
                if (!other.equals(context)) {
                    noClasses().that().resideInAPackage("coop.mutua." + context + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(
                                    "coop.mutua." + other + ".domain..", "coop.mutua." + other + ".query..",
                                    "coop.mutua." + other + ".batch..", "coop.mutua." + other + ".web..",
                                    "coop.mutua." + other + ".process..", "coop.mutua." + other + ".documents..")
                            .because("contexts talk through each other's api packages only")
                            .allowEmptyShould(false)
                            .check(classes);
                }
            }
            noClasses().that().resideInAPackage("coop.mutua." + context + "..")
                    .should().dependOnClassesThat().resideInAPackage("coop.mutua.app..")
                    .because("the application assembles the contexts, not the other way round")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }

    /**
     * The OpenAPI document names a schema after its class's simple name: two records of the API with the same name
     * would share one schema, and one of them would be documented with the other's fields.
     */
    @Test
    void recordsAndEnumsTheApiShowsHaveDistinctNames() {
        java.util.Map<String, List<String>> byName = new java.util.TreeMap<>();
        classes.stream()
                .filter(type -> type.getPackageName().endsWith(".api") || type.getPackageName().endsWith(".web")
                        || type.getPackageName().equals("coop.mutua.kernel"))
                .filter(type -> type.isRecord() || type.isEnum())
                .forEach(type -> byName.computeIfAbsent(type.getSimpleName(), name -> new java.util.ArrayList<>()).add(type.getName()));
        byName.values().removeIf(names -> names.size() < 2);
        org.assertj.core.api.Assertions.assertThat(byName).as("classes sharing a simple name").isEmpty();
    }

    @Test
    void kernelHasNoFrameworkInIt() {
        noClasses().that().resideInAPackage("coop.mutua.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "coop.mutua.catalog..", "coop.mutua.ordering..", "coop.mutua.billing..", "coop.mutua.app..")
                .check(classes);
    }

    @Test
    void apiPackagesArePublishedLanguageOnly() {
        for (String context : CONTEXTS) {
            noClasses().that().resideInAPackage("coop.mutua." + context + ".api..")
                    .should().dependOnClassesThat().resideInAnyPackage("coop.mutua." + context + ".domain..",
                            "coop.mutua." + context + ".query..", "coop.mutua." + context + ".web..",
                            "org.springframework..")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }

    @Test
    void domainLogicDoesNotDependOnSpringWebOrJdbc() {
        for (String context : CONTEXTS) {
            noClasses().that().resideInAPackage("coop.mutua." + context + ".domain..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                            "org.springframework.jdbc..", "jakarta.servlet..")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }
}
