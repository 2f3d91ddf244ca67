package org.unionreports.portal;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import org.unionreports.modulecheck.ProbeApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are Spring Modulith application modules: each module's own package is what the
 * others may use, its subpackages are internal. A dependency into another module's internals, or a cycle
 * between modules, fails here; the module canvas and diagrams are written to {@code docs/modules/}.
 */
class ModulesTest {

	private static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

	@Test
	void everyModuleUsesOnlyWhatTheOthersExposeAndNoCycleJoinsThem() {
		MODULES.verify();
	}

	@Test
	void theModulesAreTheFeaturesAndTheInfrastructureTheyShare() {
		assertThat(MODULES.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"audit", "cache", "dashboard", "database", "dataimport", "export", "home", "identity", "metric",
				"region", "report", "shared", "startup", "synthetic", "web");
	}

	@Test
	void aModuleReachingIntoAnotherModulesInternalPackageIsCaught() {
		// The probe lives among the test classes, which Modulith leaves out unless told to take every class.
		Violations violations = ApplicationModules.of(ProbeApplication.class, location -> true).detectViolations();
		assertThat(violations.hasViolations()).isTrue();
		assertThat(violations.getMessage()).contains("Module 'alpha' depends on non-exposed type")
			.contains("org.unionreports.modulecheck.beta.internal.Hidden");
	}

	@Test
	void theModuleDocumentationIsWritten() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(new java.io.File("docs/modules/module-report.adoc")).exists();
	}

}
