package vn.ntm.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import vn.ntm.testing.ServiceArchitectureRules;

/**
 * The package vocabulary of ADR 16 and the dependencies that must never exist in this service. Reporting has no
 * aggregates: its folds of the Kafka contract's events into the read models are in {@code messaging}, the only role
 * that knows the contract's records; {@code query} reads the tables they fill.
 */
@AnalyzeClasses(packages = "vn.ntm.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends ServiceArchitectureRules {

    ArchitectureTest() {
        super(false);
    }
}
