package coop.mutua.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.serialization.Revision;
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
        Map<String, List<String>> byName = new TreeMap<>();
        classes.stream()
                .filter(type -> type.getPackageName().endsWith(".api") || type.getPackageName().endsWith(".web")
                        || type.getPackageName().equals("coop.mutua.kernel"))
                .filter(type -> type.isRecord() || type.isEnum())
                .forEach(type -> byName.computeIfAbsent(type.getSimpleName(), name -> new ArrayList<>()).add(type.getName()));
        byName.values().removeIf(names -> names.size() < 2);
        assertThat(byName).as("classes sharing a simple name").isEmpty();
    }

    @Test
    void thePlatformKnowsNoContext() {
        noClasses().that().resideInAPackage("coop.mutua.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("coop.mutua.catalog..", "coop.mutua.ordering..",
                        "coop.mutua.billing..", "coop.mutua.app..")
                .because("the platform holds technical pieces every context may use, and no domain")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void kernelHasNoFrameworkInIt() {
        noClasses().that().resideInAPackage("coop.mutua.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "coop.mutua.platform..", "coop.mutua.catalog..", "coop.mutua.ordering..", "coop.mutua.billing..",
                        "coop.mutua.app..")
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

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("coop.mutua.(**)").should().beFreeOfCycles()
                .because("a cycle between packages makes neither understandable alone")
                .check(classes);
    }

    /**
     * Inside a context: web -> application -> domain, with query, batch, process and documents beside the application
     * (they may serve it and use it, never the pages); the domain sees only its own api and the kernel.
     */
    @Test
    void eachContextIsLayeredWebApplicationDomain() {
        for (String context : CONTEXTS) {
            String base = "coop.mutua." + context;
            noClasses().that().resideInAPackage(base + ".domain..")
                    .should().dependOnClassesThat().resideInAnyPackage(base + ".application..", base + ".web..", base + ".query..",
                            base + ".batch..", base + ".process..", base + ".documents..")
                    .because("the domain knows nothing of how it is used or stored")
                    .allowEmptyShould(false)
                    .check(classes);
            noClasses().that().resideInAnyPackage(base + ".application..", base + ".query..", base + ".batch..",
                            base + ".process..", base + ".documents..")
                    .should().dependOnClassesThat().resideInAPackage(base + ".web..")
                    .because("pages and API call the use cases, never the other way round")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }

    @Test
    void theApplicationSeesOnlyTheContextsApiAndUseCases() {
        for (String context : CONTEXTS) {
            String base = "coop.mutua." + context;
            noClasses().that().resideInAPackage("coop.mutua.app..")
                    .should().dependOnClassesThat().resideInAnyPackage(base + ".domain..", base + ".query..", base + ".batch..",
                            base + ".web..", base + ".process..", base + ".documents..")
                    .because("the application assembles the contexts through what they publish (api) and offer (application)")
                    .allowEmptyShould(false)
                    .check(classes);
        }
    }

    /** Events are stored for ever: each is an immutable record, with its revision for upcasters and a Javadoc saying what happened. */
    @Test
    void everyEventIsADocumentedRecordWithItsRevision() {
        List<String> wrong = new ArrayList<>();
        List<JavaClass> events = classes.stream()
                .filter(type -> type.getPackageName().endsWith(".api") && type.getSimpleName().endsWith("Event")
                        && type.getEnclosingClass().isEmpty())
                .toList();
        assertThat(events).hasSizeGreaterThan(30);
        for (JavaClass event : events) {
            if (!event.isRecord()) {
                wrong.add(event.getName() + " is not a record");
            }
            if (!event.isAnnotatedWith(Revision.class)) {
                wrong.add(event.getName() + " has no @Revision");
            }
            if (!documented(event)) {
                wrong.add(event.getName() + " has no Javadoc");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** One processing group per projection (ARCHITECTURE.md): each replayable alone, its failures its own. */
    @Test
    void everyProjectionHasAProcessingGroupOfItsOwn() {
        Map<String, List<String>> byGroup = new TreeMap<>();
        classes.stream()
                .filter(type -> type.getPackageName().endsWith(".query") && type.isAnnotatedWith(ProcessingGroup.class))
                .forEach(type -> byGroup.computeIfAbsent(type.getAnnotationOfType(ProcessingGroup.class).value(),
                        group -> new ArrayList<>()).add(type.getSimpleName()));
        assertThat(byGroup).hasSizeGreaterThan(5);
        byGroup.values().removeIf(projections -> projections.size() < 2);
        assertThat(byGroup).as("processing groups shared by several projections").isEmpty();
    }

    /** The class's source, from the module that holds it (the tests run in app/), has a Javadoc comment right before it. */
    private static boolean documented(JavaClass type) {
        String module = type.getPackageName().split("\\.")[2];
        Path source = Path.of("..", module, "src/main/java", type.getName().replace('.', '/') + ".java");
        try {
            String text = Files.readString(source);
            int declaration = text.indexOf("public record " + type.getSimpleName());
            if (declaration < 0) {
                declaration = text.indexOf("public class " + type.getSimpleName());
            }
            String before = text.substring(0, Math.max(0, declaration)).replaceAll("(?m)^@.*$", "").stripTrailing();
            return declaration > 0 && before.endsWith("*/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
