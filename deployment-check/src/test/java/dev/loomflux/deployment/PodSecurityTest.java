package dev.loomflux.deployment;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rendered pod passes the Pod Security Standard "restricted", which the namespace
 * enforces; the network is closed but for the flows network-policies.yaml allows; no
 * service pod can read the superuser's password; the small overlay fits a 2-CPU cluster.
 */
class PodSecurityTest {

	static final List<String> directories = Kustomize.DIRECTORIES;

	@ParameterizedTest
	@FieldSource("directories")
	void shouldEnforceTheRestrictedPodSecurityStandardOnTheNamespace(String directory) {
		Namespace namespace = Kustomize.objects(directory)
			.stream()
			.filter(Namespace.class::isInstance)
			.map(Namespace.class::cast)
			.findFirst()
			.orElseThrow();

		assertThat(namespace.getMetadata().getLabels())
			.containsEntry("pod-security.kubernetes.io/enforce", "restricted")
			.containsEntry("pod-security.kubernetes.io/warn", "restricted")
			.containsEntry("pod-security.kubernetes.io/audit", "restricted");
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldRunEveryPodAsTheRestrictedStandardRequires(String directory) {
		for (HasMetadata object : Kustomize.objects(directory)) {
			PodSpec pod = podSpec(object);
			if (pod == null) {
				continue;
			}
			String name = object.getKind() + " " + object.getMetadata().getName();
			PodSecurityContext podContext = pod.getSecurityContext();
			assertThat(podContext).as(name).isNotNull();
			assertThat(podContext.getRunAsNonRoot()).as("%s runAsNonRoot", name).isTrue();
			assertThat(podContext.getRunAsUser()).as("%s runAsUser", name).isNotNull().isNotZero();
			assertThat(podContext.getSeccompProfile()).as("%s seccompProfile", name).isNotNull();
			assertThat(podContext.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
			assertThat(pod.getHostNetwork()).as(name).isNotEqualTo(Boolean.TRUE);
			assertThat(pod.getHostPID()).as(name).isNotEqualTo(Boolean.TRUE);
			assertThat(pod.getVolumes()).as(name).allSatisfy((volume) -> assertThat(volume.getHostPath()).isNull());
			for (Container container : pod.getContainers()) {
				SecurityContext context = container.getSecurityContext();
				String what = name + " container " + container.getName();
				assertThat(context).as(what).isNotNull();
				assertThat(context.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", what).isFalse();
				assertThat(context.getPrivileged()).as(what).isNotEqualTo(Boolean.TRUE);
				assertThat(context.getCapabilities().getDrop()).as(what).containsExactly("ALL");
				assertThat(context.getCapabilities().getAdd()).as(what).isNullOrEmpty();
			}
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldDenyAllTrafficThatIsNotAllowed(String directory) {
		assertThat(Kustomize.objects(directory)).filteredOn(NetworkPolicy.class::isInstance)
			.map(NetworkPolicy.class::cast)
			.anySatisfy((policy) -> {
				assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
				assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
				assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
				assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
				assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
			});
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldKeepTheSuperusersPasswordOutOfEveryServicePod(String directory) {
		for (String module : ServiceConfiguration.ALL) {
			Deployment deployment = find(directory, Deployment.class, module);
			List<EnvFromSource> sources = deployment.getSpec()
				.getTemplate()
				.getSpec()
				.getContainers()
				.getFirst()
				.getEnvFrom();
			assertThat(sources == null ? List.<EnvFromSource>of() : sources).as(module)
				.noneMatch((source) -> source.getSecretRef() != null
						&& source.getSecretRef().getName().equals("loomflux-demo-postgres"));
		}
		StatefulSet postgres = find(directory, StatefulSet.class, "postgres");
		assertThat(postgres.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom())
			.anyMatch((source) -> source.getSecretRef() != null
					&& source.getSecretRef().getName().equals("loomflux-demo-postgres"));
		assertThat(postgres.getSpec().getTemplate().getSpec().getVolumes())
			.anyMatch((volume) -> volume.getConfigMap() != null
					&& volume.getConfigMap().getName().startsWith("postgres-init"));
	}

	@Test
	void shouldFitTheSmallOverlayIntoATwoCpuCluster() {
		long cpuMillis = 0;
		long memoryMebibytes = 0;
		for (HasMetadata object : Kustomize.objects("k8s/overlays/small")) {
			PodSpec pod = podSpec(object);
			if (pod == null) {
				continue;
			}
			for (Container container : pod.getContainers()) {
				Map<String, Quantity> requests = container.getResources().getRequests();
				assertThat(requests).as(object.getMetadata().getName()).containsKeys("cpu", "memory");
				cpuMillis += Quantity.getAmountInBytes(requests.get("cpu")).movePointRight(3).longValue();
				memoryMebibytes += Quantity.getAmountInBytes(requests.get("memory")).longValue() >> 20;
			}
		}
		// kind's and minikube's own pods request about 0.95 CPU of a 2-CPU node
		assertThat(cpuMillis).as("CPU requests in millicores").isLessThanOrEqualTo(1000);
		assertThat(memoryMebibytes).as("memory requests in MiB").isLessThanOrEqualTo(3 * 1024);
	}

	static PodSpec podSpec(HasMetadata object) {
		return switch (object) {
			case Deployment deployment -> deployment.getSpec().getTemplate().getSpec();
			case StatefulSet statefulSet -> statefulSet.getSpec().getTemplate().getSpec();
			case Job job -> job.getSpec().getTemplate().getSpec();
			case Pod pod -> pod.getSpec();
			default -> null;
		};
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

}
