package io.pluginplatform.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** {@code common} serves every service and depends on none; it holds no auto-configuration a reader cannot find. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                // by folder name, so that builds into another output folder (-Dplatform.build.dir) import the same
                // classes
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.pluginplatform.common");
        assertThat(classes).as("the imported main classes").hasSizeGreaterThan(30);
    }

    @Test
    void commonDependsOnNoService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.pluginplatform.repository..", "io.pluginplatform.plugin..", "io.pluginplatform.agent..")
                .check(classes);
    }

    @Test
    void commonHoldsNoAutoConfiguration() {
        noClasses().should().beAnnotatedWith(AutoConfiguration.class).check(classes);
        assertThat(Path.of("src/main/resources/META-INF/spring"))
                .as("auto-configuration registrations in common")
                .doesNotExist();
    }

    @Test
    void wireRecordsDependOnNothingButJacksonAnnotationsValidationAndEachOther() {
        noClasses()
                .that()
                .resideInAPackage("io.pluginplatform.common.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "tools.jackson..", "com.mongodb..", "io.pluginplatform.common.web..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        SlicesRuleDefinition.slices()
                .matching("io.pluginplatform.common.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    /** For every module of the reactor, so that a new service's packages are held to it too. */
    @Test
    void everyPackageOfEveryModuleDescribesItself() throws IOException {
        Path reactor = Path.of("").toAbsolutePath().getParent();
        Set<Path> packages = new TreeSet<>();
        try (Stream<Path> modules = Files.list(reactor)) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(file -> file.toString().endsWith(".java"))
                            .map(Path::getParent)
                            .forEach(packages::add);
                }
            }
        }
        assertThat(packages).anyMatch(folder -> folder.endsWith("io/pluginplatform/repository"));
        assertThat(packages)
                .as("source folders without a package-info.java")
                .allSatisfy(folder ->
                        assertThat(folder.resolve("package-info.java")).exists());
    }
}
