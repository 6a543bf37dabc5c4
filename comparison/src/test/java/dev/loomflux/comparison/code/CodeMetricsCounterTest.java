package dev.loomflux.comparison.code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.loomflux.comparison.results.CodeMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeMetricsCounterTest {

	@Test
	void shouldCountEveryFeatureOfBothRealServices() {
		Path root = repositoryRoot();
		List<CodeMetrics> metrics = CodeMetricsCounter.count(root);
		assertThat(metrics).hasSize(CodeMetricsCounter.FEATURES.size() * 2);
		for (String feature : CodeMetricsCounter.FEATURES) {
			assertThat(metrics).filteredOn((m) -> m.feature().equals(feature))
				.extracting(CodeMetrics::service)
				.containsExactly("service-loom", "service-reactive");
		}
		assertThat(metrics).allSatisfy((m) -> {
			assertThat(m.lines()).isPositive();
			assertThat(m.maxNesting()).isPositive();
		});
		assertThat(metrics).filteredOn((m) -> m.service().equals("service-loom"))
			.allSatisfy((m) -> assertThat(m.reactorOperators()).isZero());
		assertThat(metrics).filteredOn((m) -> m.service().equals("service-reactive"))
			.allSatisfy((m) -> assertThat(m.reactorOperators()).isPositive());
	}

	@Test
	void shouldCountLinesWithoutBlanksOrComments() {
		String source = """
				package demo;

				/** A comment. */
				class Demo {
					// another
					int x = 1; // trailing

					/*
					 * block
					 */
				}
				""";
		assertThat(SourceMetrics.of(source).lines()).isEqualTo(4);
	}

	@Test
	void shouldMeasureNestingOfBlocksAndLambdasInsideMethods() {
		String source = """
				package demo;

				class Demo {
					void flat() {
						run();
					}

					void nested(java.util.List<Integer> xs) {
						for (int x : xs) {
							if (x > 0) {
								xs.forEach((y) -> {
									run();
								});
							}
						}
					}

					void run() {
					}
				}
				""";
		assertThat(SourceMetrics.of(source).maxNesting()).isEqualTo(3);
	}

	@Test
	void shouldCountReactorOperatorsButNotStreamOrOptionalCalls() {
		String source = """
				package demo;

				import java.util.List;
				import java.util.Optional;
				import reactor.core.publisher.Mono;

				class Demo {
					Mono<Integer> sum(List<Integer> ids, Optional<String> name) {
						List<Integer> doubled = ids.stream().map((id) -> id * 2).filter((id) -> id > 0).toList();
						Optional<Integer> length = name.map(String::length);
						return Mono.just(doubled)
							.map(List::size)
							.flatMap((n) -> Mono.zip(Mono.just(n), Mono.just(1)))
							.map((t) -> t.getT1() + t.getT2())
							.switchIfEmpty(Mono.error(IllegalStateException::new));
					}
				}
				""";
		// Mono.just x3, Mono.zip, Mono.error; map x2, flatMap, switchIfEmpty
		assertThat(SourceMetrics.of(source).reactorOperators()).isEqualTo(9);
	}

	@Test
	void shouldCountNoOperatorsInAFileWithoutReactor() {
		String source = """
				package demo;

				class Demo {
					java.util.Optional<Integer> size(java.util.Optional<String> name) {
						return name.map(String::length);
					}
				}
				""";
		assertThat(SourceMetrics.of(source).reactorOperators()).isZero();
	}

	private static Path repositoryRoot() {
		// tests run in the gatling module; the services are its siblings
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("service-loom"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root with service-loom").isNotNull();
		return dir;
	}

}
