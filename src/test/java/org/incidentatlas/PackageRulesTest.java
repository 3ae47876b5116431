package org.incidentatlas;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled classes: packages by capability with no cycle
 * between them, capabilities (with their own endpoints) never reaching into the Features core,
 * and the shared web plumbing depending on no capability.
 */
class PackageRulesTest {

    private static final String ROOT = "org.incidentatlas";
    /** Everything below the Features core (ogcapi) and the tiles built on it. */
    private static final String[] CAPABILITIES = {"..geodesy..", "..gazetteer..", "..borders..", "..incidents..", "..ingest..",
            "..cql..", "..fields..", "..storage..", "..filter..", "..geodata..", "..tabular..", "..web.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void sawTheWholeService() {
        assertThat(MAIN.stream().map(c -> c.getPackageName()).distinct())
                .contains(ROOT + ".ogcapi", ROOT + ".ingest", ROOT + ".gazetteer", ROOT + ".borders", ROOT + ".web");
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void capabilitiesNeverImportTheFeaturesCore() {
        noClasses().that().resideInAnyPackage(CAPABILITIES)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".ogcapi..")
                .because("each capability's endpoints live beside its logic and answer through org.incidentatlas.web")
                .check(MAIN);
    }

    @Test
    void webPlumbingImportsNoCapability() {
        noClasses().that().resideInAPackage(ROOT + ".web..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(ROOT + ".web..")))
                .check(MAIN);
    }
}
