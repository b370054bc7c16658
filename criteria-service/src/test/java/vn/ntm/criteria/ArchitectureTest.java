package vn.ntm.criteria;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import vn.ntm.testing.ServiceArchitectureRules;

/** The package vocabulary of ADR 16 and the dependencies that must never exist in this service. */
@AnalyzeClasses(packages = "vn.ntm.criteria", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends ServiceArchitectureRules {
}
