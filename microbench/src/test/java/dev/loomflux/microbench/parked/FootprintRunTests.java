package dev.loomflux.microbench.parked;

import org.junit.jupiter.api.Test;

import dev.loomflux.microbench.MicrobenchReport.Parked;

import static org.assertj.core.api.Assertions.assertThat;

class FootprintRunTests {

	@Test
	void shouldMeasureEveryKindInItsOwnJvmWithPositiveFigures() {
		FootprintRun.Result result = FootprintRun.run(1_000, 1);

		assertThat(result.failures()).isEmpty();
		assertThat(result.parked()).extracting(Parked::kind)
			.containsExactly("virtual-thread", "platform-thread", "reactor-pending");
		assertThat(result.parked()).allSatisfy((parked) -> {
			assertThat(parked.count()).isEqualTo(1_000);
			assertThat(parked.heapBytesPerTask()).isPositive();
			assertThat(parked.rssBytesPerTask()).isPositive();
		});
	}

	@Test
	void shouldReportAFailingChildInsteadOfThrowing() {
		FootprintRun.Result result = FootprintRun.run(-1, 1);

		assertThat(result.parked()).isEmpty();
		assertThat(result.failures()).hasSize(3).allSatisfy((failure) -> assertThat(failure).contains("no result"));
	}

}
