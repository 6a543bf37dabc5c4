package dev.loomflux.comparison;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestFactoryTest {

	@Test
	void shouldRecordThePoolsAndLimitsTheServicesReadFromTheirOwnFiles() {
		Map<String, String> settings = ManifestFactory.configuration(Path.of(".."));
		assertThat(settings).containsEntry("shared: bff.db.pool-size", "20")
			.containsEntry("shared: bff.downstream.max-connections", "500")
			.containsEntry("service-loom[platform]: server.tomcat.threads.max", "200")
			.containsEntry("service-reactive[reactive-inline]: bff.insights.inline", "true");
		assertThat(settings.keySet()).noneMatch((key) -> key.endsWith("password"));
	}

}
