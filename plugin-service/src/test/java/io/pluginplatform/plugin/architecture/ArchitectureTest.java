package io.pluginplatform.plugin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of STYLE.md for plugin-service, checked on the compiled classes. */
class ArchitectureTest {

    private static final String BASE = "io.pluginplatform.plugin";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                // by folder name, so that builds into another output folder (-Dplatform.build.dir) import the same
                // classes
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(BASE);
        assertThat(classes).as("the imported main classes").hasSizeGreaterThan(30);
    }

    @Test
    void controllersDoNotTouchTheDatabase() {
        ArchRule rule = noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data..", "com.mongodb..", "org.bson..");
        rule.check(classes);
    }

    @Test
    void controllersCallServicesNotTheRepositoryServiceClient() {
        ArchRule rule = noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + ".catalogue..");
        rule.check(classes);
    }

    @Test
    void installationsKnowNothingOfSupervisorsOrTheBroker() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage(BASE + ".installation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + ".supervisor..", BASE + ".endpoint..", BASE + ".housekeeping..");
        rule.check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        SlicesRuleDefinition.slices()
                .matching(BASE + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        ArchRule rule =
                classes().that().areAnnotatedWith(RestController.class).should().notHaveModifier(JavaModifier.PUBLIC);
        rule.check(classes);
    }
}
