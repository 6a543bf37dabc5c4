package dev.loomflux.deployment;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository says under which licence it may be used, in the file and the POM. */
class LicenseTest {

	@Test
	void shouldShipTheFullApacheLicenseText() throws Exception {
		String license = Files.readString(Repository.path("LICENSE"));

		assertThat(license).contains("Apache License", "Version 2.0, January 2004",
				"TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS",
				"APPENDIX: How to apply the Apache License to your work.");
	}

	@Test
	void shouldDeclareTheSameLicenseInTheRootPom() throws Exception {
		String pom = Files.readString(Repository.path("pom.xml"));

		assertThat(pom).contains("<name>Apache License, Version 2.0</name>",
				"<url>https://www.apache.org/licenses/LICENSE-2.0</url>");
	}

}
