package dev.loomflux.bff.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NettyMetricsConfigTest {

	@Test
	void shouldTagEveryProductWithOneRouteTemplate() {
		assertThat(NettyMetricsConfig.template("/api/products/1")).isEqualTo("/api/products/{id}");
		assertThat(NettyMetricsConfig.template("/api/products/9999")).isEqualTo("/api/products/{id}");
		assertThat(NettyMetricsConfig.template("/api/products/7/insights?paths=10"))
			.isEqualTo("/api/products/{id}/insights");
		assertThat(NettyMetricsConfig.template("/api/products?category=books")).isEqualTo("/api/products");
		assertThat(NettyMetricsConfig.template("/api/customers/7/cart/items/42"))
			.isEqualTo("/api/customers/{id}/cart/items/{productId}");
	}

	@Test
	void shouldTagPathsThatAreNoRouteAsUnknown() {
		assertThat(NettyMetricsConfig.template("/api/products/1/")).isEqualTo("UNKNOWN");
		assertThat(NettyMetricsConfig.template("/wp-admin/setup.php")).isEqualTo("UNKNOWN");
	}

}
