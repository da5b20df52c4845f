package dev.storekeeper.platform.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PlannerStatisticsUnitTests {

	@Test
	void autovacuumOffIsNamedWithItsRemedies() {
		assertThat(PlannerStatistics.advice("off"))
			.hasValueSatisfying((advice) -> assertThat(advice).contains("autovacuum is off").contains("ANALYZE"));
		assertThat(PlannerStatistics.advice(" OFF ")).isPresent();
	}

	@Test
	void autovacuumOnSaysNothing() {
		assertThat(PlannerStatistics.advice("on")).isEmpty();
		assertThat(PlannerStatistics.advice(null)).isEmpty();
	}

	@Test
	void theEmbeddedDatabaseIsNotAsked(CapturedOutput output) {
		DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:planner-statistics", "sa", "");
		new PlannerStatistics(h2).run(new DefaultApplicationArguments());
		assertThat(output).doesNotContain("autovacuum");
	}

}
