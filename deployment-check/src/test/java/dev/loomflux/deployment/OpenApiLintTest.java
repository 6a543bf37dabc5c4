package dev.loomflux.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lints the contract, shared-domain's {@code openapi.yaml}, with Spectral's OpenAPI rules
 * and the OWASP API Security Top 10 ruleset, as configured in the repository's
 * {@code .spectral.yaml} (each rule turned off there says why): any finding, down to a
 * hint, fails the build. The npm packages are pinned in {@code package.json} and
 * {@code package-lock.json} and installed with {@code npm ci}; {@code scripts/setup.sh}
 * installs Node.js and npm where they are missing.
 */
class OpenApiLintTest {

	private static final Path CONTRACT = Repository.path("shared-domain/src/main/resources/openapi.yaml");

	@Test
	void shouldPassTheOwaspApiSecurityRuleset() throws Exception {
		assumeTrue(onPath("npm") || "true".equals(System.getenv("CI")),
				"no npm on this machine (scripts/setup.sh installs it): skipping the OpenAPI lint");
		if (!Files.isDirectory(Repository.path("node_modules/@stoplight/spectral-cli"))) {
			Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
			assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
		}
		Result lint = run(List.of("npx", "--no-install", "spectral", "lint", CONTRACT.toString(), "--ruleset",
				Repository.path(".spectral.yaml").toString(), "--fail-severity", "hint", "--format", "text"));

		assertThat(lint.exitCode()).as("spectral lint openapi.yaml:%n%s", lint.output()).isZero();
	}

	private static boolean onPath(String command) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, command))) {
				return true;
			}
		}
		return false;
	}

	private static Result run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(Repository.ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(command + " did not finish in 5 minutes");
		}
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
