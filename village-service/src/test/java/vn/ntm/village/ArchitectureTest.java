package vn.ntm.village;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import vn.ntm.testing.ServiceArchitectureRules;

/** The package vocabulary of ADR 16 and the dependencies that must never exist in this service. */
@AnalyzeClasses(packages = "vn.ntm.village", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends ServiceArchitectureRules {
}
