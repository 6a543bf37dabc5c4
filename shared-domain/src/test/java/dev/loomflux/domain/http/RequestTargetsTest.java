package dev.loomflux.domain.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetsTest {

	@Test
	void shouldAcceptOrdinaryTargets() {
		assertThat(RequestTargets.isMalformed("/api/products?category=books&limit=5")).isFalse();
		assertThat(RequestTargets.isMalformed("/api/products/1;x=y")).isFalse();
		assertThat(RequestTargets.isMalformed("/api/../actuator/health")).isFalse();
		assertThat(RequestTargets.isMalformed("/api/products?category=caf%C3%A9&limit")).isFalse();
		assertThat(RequestTargets.isMalformed("http://localhost/api/products/1")).isFalse();
	}

	@Test
	void shouldRefuseWhatTomcatRefuses() {
		assertThat(RequestTargets.isMalformed("/api/products/1 2")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/{1}")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/%zz")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/1%")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/%C3%28")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/%00")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/1%2F2")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products/1%5c2")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/../../etc/passwd")).isTrue();
		assertThat(RequestTargets.isMalformed("/..;/actuator")).isTrue();
		assertThat(RequestTargets.isMalformed("*")).isTrue();
		assertThat(RequestTargets.isMalformed("/api/products?category=%zz")).isTrue();
	}

	@Test
	void shouldRefuseABrokenQuery() {
		assertThat(RequestTargets.isMalformedQuery(null)).isFalse();
		assertThat(RequestTargets.isMalformedQuery("a=1&&b")).isFalse();
		assertThat(RequestTargets.isMalformedQuery("x=%zz")).isTrue();
		assertThat(RequestTargets.isMalformedQuery("x=%C3%28")).isTrue();
		assertThat(RequestTargets.isMalformedQuery("=1")).isTrue();
	}

}
