package dev.loomflux.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring Boot test at {@link TestInfrastructure} through the same properties a
 * user would set, above every other source but the test's own inlined properties.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String INLINED_TEST_PROPERTIES = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;

	/** Where Spring puts the values of {@code @DynamicPropertySource} methods. */
	private static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new LinkedHashMap<>(TestInfrastructure.get().springProperties());
		properties.put("bff.downstream.url", DownstreamStub.get().url());
		// Spring keeps several test contexts alive per JVM, each with a fixed pool;
		// PostgreSQL allows 100 clients in all. The pool size is a benchmark input,
		// not a tested behaviour.
		properties.put("bff.db.pool-size", "5");
		MapPropertySource infrastructure = new MapPropertySource("loomfluxTestInfrastructure", properties);
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		// a test's own @DynamicPropertySource (e.g. PostgreSQL behind a TcpProxy) and
		// @TestPropertySource (e.g. pointing Redis at a dead port) still win
		if (sources.contains(DYNAMIC_TEST_PROPERTIES)) {
			sources.addAfter(DYNAMIC_TEST_PROPERTIES, infrastructure);
		}
		else if (sources.contains(INLINED_TEST_PROPERTIES)) {
			sources.addAfter(INLINED_TEST_PROPERTIES, infrastructure);
		}
		else {
			sources.addFirst(infrastructure);
		}
	}

}
