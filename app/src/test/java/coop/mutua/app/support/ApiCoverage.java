package coop.mutua.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the test run, lists the API operations that no test called (checked against the document by
 * {@link OpenApiContract}): printed, and written to {@code target/api-coverage.txt}. Registered for the JUnit Platform
 * in {@code META-INF/services}.
 */
public class ApiCoverage implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (OpenApiContract.DOCUMENTED.isEmpty()) {
            return;
        }
        Set<String> uncalled = OpenApiContract.uncalled();
        StringBuilder report = new StringBuilder("API operations called by the tests: " + OpenApiContract.CALLED.size() + " of "
                + OpenApiContract.DOCUMENTED.size() + "; never called:\n");
        uncalled.forEach(operation -> report.append("  ").append(operation).append('\n'));
        System.out.print(report);
        try {
            Files.writeString(Path.of("target", "api-coverage.txt"), report);
        } catch (IOException e) {
            System.out.println("(could not write target/api-coverage.txt: " + e.getMessage() + ")");
        }
    }
}
