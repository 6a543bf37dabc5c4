package dev.loomflux.comparison;

import dev.loomflux.comparison.results.InterferenceRules;
import dev.loomflux.launcher.Taskset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DatabasePinningTest {

	@Test
	void shouldLeaveTheDatabasesWhereTheyAreOnTwoCoresAndSaySo() {
		assumeTrue(Taskset.available(), "needs taskset");
		try (DatabasePinning databases = DatabasePinning.pinAway(settings("1"), 2)) {
			InterferenceRules rules = databases.rules();
			assertThat(rules.databasesPinned()).isFalse();
			assertThat(databases.shareServiceCores()).isTrue();
			assertThat(rules.databases()).contains("on 2 cores PostgreSQL and Redis share the service's core");
			assertThat(rules.maxStealShare()).isEqualTo(0.05);
		}
	}

	@Test
	void shouldNotPinTheDatabasesAwayFromAServiceThatIsNotPinned() {
		try (DatabasePinning databases = DatabasePinning.pinAway(settings(""), 8)) {
			assertThat(databases.rules().databasesPinned()).isFalse();
			assertThat(databases.rules().databases()).contains("the service itself is not pinned");
		}
	}

	private static Settings settings(String serviceCpus) {
		return new Settings(serviceCpus, "0", "127.0.0.1", 5432, "postgres", "", "loomflux_compare", "127.0.0.1", 6379,
				7, false);
	}

}
