package dev.loomflux.bff.home;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownstreamConfigTest {

	@Test
	void shouldTagDownstreamCallsWithTheirEndpointOnly() {
		assertThat(DownstreamConfig.endpoint("/recommendations/7?limit=5")).isEqualTo("/recommendations");
		assertThat(DownstreamConfig.endpoint("http://localhost:8090/recommendations/7?limit=5"))
			.isEqualTo("/recommendations");
		assertThat(DownstreamConfig.endpoint("/promotions?productIds=1,2")).isEqualTo("/promotions");
		assertThat(DownstreamConfig.endpoint("/promotions")).isEqualTo("/promotions");
	}

}
