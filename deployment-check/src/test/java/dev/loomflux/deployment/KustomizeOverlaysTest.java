package dev.loomflux.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every k8s/ directory as {@code kubectl kustomize} renders it, read strictly into the
 * model.
 */
class KustomizeOverlaysTest {

	static final List<String> directories = Kustomize.DIRECTORIES;

	@ParameterizedTest
	@FieldSource("directories")
	void shouldRenderOnlyObjectsKubernetesKnowsWithFieldsItKnows(String directory) {
		assertThat(Kustomize.objects(directory)).isNotEmpty();
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldPutEverythingInTheLoomfluxNamespace(String directory) {
		Kustomize.objects(directory)
			.stream()
			.filter((object) -> !(object instanceof Namespace))
			.forEach((object) -> assertThat(object.getMetadata().getNamespace()).as(describe(object))
				.isEqualTo("loomflux"));
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldProbeTheHealthGroupsOnTheManagementPortEachServiceReallyExposes(String directory) {
		for (String module : ServiceConfiguration.ALL) {
			ServiceConfiguration configuration = ServiceConfiguration.of(module);
			Container container = container(deployment(directory, module));
			List<Probe> probes = Stream
				.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
				.toList();

			assertThat(probes).as(module).doesNotContainNull();
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			for (Probe probe : probes) {
				HTTPGetAction get = probe.getHttpGet();
				assertThat(configuration.probePaths()).as(module).contains(get.getPath());
				assertThat(portNumber(container, get)).as(module + " " + get.getPath())
					.isEqualTo(configuration.managementPort());
			}
			assertThat(containerPortNumbers(container)).as(module).contains(configuration.port());
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldGiveBothServicesTheSameGuaranteedResources(String directory) {
		var loom = container(deployment(directory, "service-loom")).getResources();
		var reactive = container(deployment(directory, "service-reactive")).getResources();

		assertThat(loom.getLimits()).containsKeys("cpu", "memory");
		assertThat(reactive).isEqualTo(loom);
		assertThat(container(deployment(directory, "service-reactive")).getEnv())
			.isEqualTo(container(deployment(directory, "service-loom")).getEnv());
		assertThat(deployment(directory, "service-reactive").getSpec().getReplicas())
			.isEqualTo(deployment(directory, "service-loom").getSpec().getReplicas());
		if (directory.equals("k8s/overlays/small")) {
			// to try the stack on a laptop cluster, never to compare (its kustomization
			// says so)
			assertThat(loom.getRequests().get("memory")).isEqualTo(loom.getLimits().get("memory"));
		}
		else {
			assertThat(loom.getRequests()).isEqualTo(loom.getLimits());
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldLeaveEveryJvmRoomBesideItsHeap(String directory) {
		long imageHeap = DockerfileTest.maxHeapMebibytes(DockerfileTest.env("JAVA_HEAP"));
		for (String module : ServiceConfiguration.ALL) {
			Container container = container(deployment(directory, module));
			long heap = (container.getEnv() == null) ? imageHeap
					: container.getEnv()
						.stream()
						.filter((env) -> env.getName().equals("JAVA_HEAP"))
						.map((env) -> DockerfileTest.maxHeapMebibytes(env.getValue()))
						.findFirst()
						.orElse(imageHeap);
			long limit = io.fabric8.kubernetes.api.model.Quantity
				.getAmountInBytes(container.getResources().getLimits().get("memory"))
				.longValue() >> 20;
			// the comparison measured 770-782 MiB RSS at 2,000 in flight with a 512 MiB
			// heap
			long beside = ServiceConfiguration.COMPARED.contains(module) ? 512 : 256;
			assertThat(limit - heap).as("%s: memory limit %d MiB - heap %d MiB", module, limit, heap)
				.isGreaterThanOrEqualTo(beside);
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldLetSpringFinishItsGracefulShutdownBeforeKubernetesKills(String directory) {
		ConfigMap config = find(directory, ConfigMap.class, "loomflux-config");
		String configured = config.getData().get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
		for (String module : ServiceConfiguration.ALL) {
			ServiceConfiguration service = ServiceConfiguration.of(module);
			// the environment wins over application.yaml,
			// which wins over Spring's 30 s default
			Duration shutdown = Duration.ofSeconds(seconds((configured != null) ? configured
					: (service.shutdownPhaseTimeout() != null) ? service.shutdownPhaseTimeout() : "30s"));
			Deployment deployment = deployment(directory, module);
			List<String> preStop = container(deployment).getLifecycle().getPreStop().getExec().getCommand();
			assertThat(preStop).as(module).hasSize(2).first().isEqualTo("sleep");
			Duration sleep = Duration.ofSeconds(Long.parseLong(preStop.get(1)));

			assertThat(
					Duration.ofSeconds(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()))
				.as(module)
				.isGreaterThan(shutdown.plus(sleep));
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldHoldNoSecretButTheMarkedDemoOnes(String directory) {
		List<Secret> secrets = Kustomize.objects(directory)
			.stream()
			.filter(Secret.class::isInstance)
			.map(Secret.class::cast)
			.toList();

		assertThat(secrets).extracting((secret) -> secret.getMetadata().getName())
			.containsExactlyInAnyOrder("loomflux-demo-db", "loomflux-demo-postgres");
		assertThat(secrets).allSatisfy((secret) -> assertThat(secret.getMetadata().getLabels())
			.containsEntry("loomflux.dev/demo-secret", "true"));
	}

	@Test
	void shouldScaleBothServicesByTheSameRule() {
		HorizontalPodAutoscaler loom = find("k8s/overlays/scale", HorizontalPodAutoscaler.class, "service-loom");
		HorizontalPodAutoscaler reactive = find("k8s/overlays/scale", HorizontalPodAutoscaler.class,
				"service-reactive");

		assertThat(loom.getSpec().getScaleTargetRef().getName()).isEqualTo("service-loom");
		assertThat(reactive.getSpec().getScaleTargetRef().getName()).isEqualTo("service-reactive");
		assertThat(reactive.getSpec().getMetrics()).isEqualTo(loom.getSpec().getMetrics());
		assertThat(reactive.getSpec().getMinReplicas()).isEqualTo(loom.getSpec().getMinReplicas());
		assertThat(reactive.getSpec().getMaxReplicas()).isEqualTo(loom.getSpec().getMaxReplicas());
		for (String module : ServiceConfiguration.COMPARED) {
			PodDisruptionBudget budget = find("k8s/overlays/scale", PodDisruptionBudget.class, module);
			assertThat(budget.getSpec().getSelector().getMatchLabels())
				.isEqualTo(deployment("k8s/overlays/scale", module).getSpec().getSelector().getMatchLabels());
		}
	}

	@Test
	void shouldRunTheLoadTestAsAJobAgainstBothServicesWithItsResultsOnAVolume() {
		Job job = find("k8s/overlays/load-test", Job.class, "gatling");

		assertThat(job.getSpec().getParallelism()).isPositive().isEqualTo(job.getSpec().getCompletions());
		assertThat(job.getSpec().getCompletionMode()).as("each pod's share from JOB_COMPLETION_INDEX")
			.isEqualTo("Indexed");
		Container gatling = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
		Map<String, String> env = new java.util.HashMap<>();
		gatling.getEnv()
			.stream()
			.filter((variable) -> variable.getValue() != null)
			.forEach((variable) -> env.put(variable.getName(), variable.getValue()));
		assertThat(env.get("LOOMFLUX_TARGETS"))
			.isEqualTo("loom=http://service-loom:" + ServiceConfiguration.of("service-loom").port()
					+ ",reactive=http://service-reactive:" + ServiceConfiguration.of("service-reactive").port());
		assertThat(env.get("LOOMFLUX_LOAD_COUNT")).as("the barrier waits for every pod")
			.isEqualTo(Integer.toString(job.getSpec().getParallelism()));
		assertThat(gatling.getEnv()).anySatisfy((variable) -> {
			assertThat(variable.getName()).isEqualTo("LOOMFLUX_RUN");
			assertThat(variable.getValueFrom().getFieldRef().getFieldPath()).contains("controller-uid");
		});
		assertThat(gatling.getVolumeMounts())
			.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/results"));
	}

	@Test
	void shouldScrapeTheManagementPortOfBothServicesAndTheStub() {
		String directory = "k8s/overlays/monitoring";
		ServiceMonitor services = find(directory, ServiceMonitor.class, "loomflux-services");
		PodMonitor stub = find(directory, PodMonitor.class, "loomflux-downstream");

		assertThat(services.getSpec().getEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
			for (String module : ServiceConfiguration.COMPARED) {
				Service service = find(directory, Service.class, module);
				assertThat(service.getSpec().getPorts()).anySatisfy((port) -> {
					assertThat(port.getName()).isEqualTo(endpoint.getPort());
					assertThat(port.getPort()).isEqualTo(ServiceConfiguration.of(module).managementPort());
				});
			}
		});
		assertThat(stub.getSpec().getPodMetricsEndpoints()).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
			assertThat(namedPort(container(deployment(directory, "downstream")), endpoint.getPort()))
				.isEqualTo(ServiceConfiguration.of("downstream").managementPort());
		});
	}

	@Test
	void shouldShipEveryGrafanaDashboardAsAConfigMapForTheSidecar() throws Exception {
		Path dashboards = Repository.path("observability/grafana/dashboards");
		List<String> files;
		try (Stream<Path> list = Files.exists(dashboards) ? Files.list(dashboards) : Stream.empty()) {
			files = list.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".json")).toList();
		}
		List<ConfigMap> configMaps = Kustomize.objects("k8s/overlays/monitoring")
			.stream()
			.filter(ConfigMap.class::isInstance)
			.map(ConfigMap.class::cast)
			.filter((map) -> map.getMetadata().getName().startsWith("loomflux-grafana-dashboards"))
			.toList();
		assertThat(files).as("observability/grafana/dashboards/*.json").isNotEmpty();

		assertThat(configMaps).singleElement().satisfies((map) -> {
			assertThat(map.getData()).containsOnlyKeys(files);
			assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
		});
	}

	private static Deployment deployment(String directory, String name) {
		return find(directory, Deployment.class, name);
	}

	private static <T extends HasMetadata> T find(String directory, Class<T> type, String name) {
		return Kustomize.objects(directory)
			.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(directory + " renders no " + type.getSimpleName() + " " + name));
	}

	private static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).as(deployment.getMetadata().getName()).hasSize(1);
		return containers.getFirst();
	}

	/** A probe's port, by number or by the name of one of the container's ports. */
	private static int portNumber(Container container, HTTPGetAction get) {
		return (get.getPort().getIntVal() != null) ? get.getPort().getIntVal()
				: namedPort(container, get.getPort().getStrVal());
	}

	private static int namedPort(Container container, String name) {
		return container.getPorts()
			.stream()
			.filter((port) -> name.equals(port.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + name));
	}

	private static List<Integer> containerPortNumbers(Container container) {
		return container.getPorts().stream().map(ContainerPort::getContainerPort).toList();
	}

	private static long seconds(String duration) {
		assertThat(duration).as("a duration in seconds, like 20s").matches("\\d+s");
		return Long.parseLong(duration.substring(0, duration.length() - 1));
	}

	private static String describe(HasMetadata object) {
		return object.getKind() + " " + object.getMetadata().getName();
	}

}
