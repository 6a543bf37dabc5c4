package dev.loomflux.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.NamespaceSelector;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.loomflux.deployment.Selectors.PodTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every selector of every rendered overlay selects what it means: at least one object of
 * the kind it selects, in the namespace it looks in. A selector that matches nothing is
 * valid YAML and valid Kubernetes, and fails silently: a Service without endpoints, a
 * ServiceMonitor that gives Prometheus no target, a PodDisruptionBudget that protects
 * nothing, a NetworkPolicy that lets the wrong pods in.
 */
class SelectorsTest {

	static final List<String> directories = Kustomize.DIRECTORIES;

	@ParameterizedTest
	@FieldSource("directories")
	void shouldSelectItsOwnPodsFromEveryWorkload(String directory) {
		for (HasMetadata object : Kustomize.objects(directory)) {
			LabelSelector selector = switch (object) {
				case Deployment deployment -> deployment.getSpec().getSelector();
				case StatefulSet statefulSet -> statefulSet.getSpec().getSelector();
				default -> null;
			};
			if (selector != null) {
				PodTemplate own = Selectors.pods(List.of(object)).getFirst();
				assertThat(Selectors.matches(selector, own.labels())).as(describe(object)).isTrue();
			}
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldSendEveryServiceToPodsThatListenOnItsTargetPorts(String directory) {
		List<HasMetadata> objects = Kustomize.objects(directory);
		for (Service service : Selectors.services(objects)) {
			List<PodTemplate> selected = selected(objects, service.getMetadata().getNamespace(),
					(pod) -> Selectors.matches(service.getSpec().getSelector(), pod.labels()));
			assertThat(selected).as("pods of %s", describe(service)).isNotEmpty();
			service.getSpec().getPorts().forEach((port) -> {
				var target = (port.getTargetPort() != null) ? port.getTargetPort()
						: new io.fabric8.kubernetes.api.model.IntOrString(port.getPort());
				assertThat(selected).as("%s port %s -> %s", describe(service), port.getName(), target)
					.allMatch((pod) -> pod.exposes(target));
			});
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldScrapeServicesAndPodsThatExist(String directory) {
		List<HasMetadata> objects = Kustomize.objects(directory);
		for (HasMetadata object : objects) {
			if (object instanceof ServiceMonitor monitor) {
				List<String> namespaces = namespaces(monitor, monitor.getSpec().getNamespaceSelector());
				List<Service> services = Selectors.services(objects)
					.stream()
					.filter((service) -> namespaces.contains(service.getMetadata().getNamespace()))
					.filter((service) -> Selectors.matches(monitor.getSpec().getSelector(),
							labels(service.getMetadata().getLabels())))
					.toList();
				assertThat(services).as("Services selected by %s", describe(monitor)).isNotEmpty();
				monitor.getSpec()
					.getEndpoints()
					.forEach((endpoint) -> assertThat(services).as("%s port %s", describe(monitor), endpoint.getPort())
						.allSatisfy((service) -> assertThat(service.getSpec().getPorts())
							.anySatisfy((port) -> assertThat(port.getName()).isEqualTo(endpoint.getPort()))));
			}
			if (object instanceof PodMonitor monitor) {
				List<String> namespaces = namespaces(monitor, monitor.getSpec().getNamespaceSelector());
				List<PodTemplate> pods = Selectors.pods(objects)
					.stream()
					.filter((pod) -> namespaces.contains(pod.namespace()))
					.filter((pod) -> Selectors.matches(monitor.getSpec().getSelector(), pod.labels()))
					.toList();
				assertThat(pods).as("pods selected by %s", describe(monitor)).isNotEmpty();
				monitor.getSpec()
					.getPodMetricsEndpoints()
					.forEach((endpoint) -> assertThat(pods).as("%s port %s", describe(monitor), endpoint.getPort())
						.allMatch((pod) -> pod
							.exposes(new io.fabric8.kubernetes.api.model.IntOrString(endpoint.getPort()))));
			}
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldProtectAndScalePodsThatExist(String directory) {
		List<HasMetadata> objects = Kustomize.objects(directory);
		for (HasMetadata object : objects) {
			if (object instanceof PodDisruptionBudget budget) {
				assertThat(selected(objects, budget.getMetadata().getNamespace(),
						(pod) -> Selectors.matches(budget.getSpec().getSelector(), pod.labels())))
					.as("pods of %s", describe(budget))
					.isNotEmpty();
			}
			if (object instanceof HorizontalPodAutoscaler autoscaler) {
				var target = autoscaler.getSpec().getScaleTargetRef();
				String namespace = autoscaler.getMetadata().getNamespace();
				assertThat(objects).as("target of %s", describe(autoscaler))
					.anyMatch((candidate) -> target.getApiVersion().equals(candidate.getApiVersion())
							&& target.getKind().equals(candidate.getKind())
							&& target.getName().equals(candidate.getMetadata().getName())
							&& namespace.equals(candidate.getMetadata().getNamespace()));
			}
		}
	}

	@ParameterizedTest
	@FieldSource("directories")
	void shouldApplyEveryNetworkPolicyToPodsThatExistAndOpenPortsTheyListenOn(String directory) {
		List<HasMetadata> objects = Kustomize.objects(directory);
		for (HasMetadata object : objects) {
			if (!(object instanceof NetworkPolicy policy)) {
				continue;
			}
			String namespace = policy.getMetadata().getNamespace();
			List<PodTemplate> governed = selected(objects, namespace,
					(pod) -> Selectors.matches(policy.getSpec().getPodSelector(), pod.labels()));
			assertThat(governed).as("pods of %s", describe(policy)).isNotEmpty();
			for (var rule : list(policy.getSpec().getIngress())) {
				for (NetworkPolicyPeer peer : list(rule.getFrom())) {
					assertPeerExists(objects, policy, namespace, peer);
				}
				for (NetworkPolicyPort port : list(rule.getPorts())) {
					assertThat(governed).as("%s lets in port %s", describe(policy), port.getPort())
						.anyMatch((pod) -> pod.exposes(port.getPort()));
				}
			}
			for (var rule : list(policy.getSpec().getEgress())) {
				List<PodTemplate> peers = new ArrayList<>();
				for (NetworkPolicyPeer peer : list(rule.getTo())) {
					peers.addAll(assertPeerExists(objects, policy, namespace, peer));
				}
				for (NetworkPolicyPort port : list(rule.getPorts())) {
					if (!peers.isEmpty() && port.getPort() != null && port.getPort().getStrVal() != null) {
						assertThat(peers).as("%s lets out to port %s", describe(policy), port.getPort())
							.anyMatch((pod) -> pod.exposes(port.getPort()));
					}
				}
			}
		}
	}

	/** Proof that the selector checks above can fail, on selectors as they were once. */
	@Test
	void shouldNotLetAServiceMonitorSelectServicesByALabelOnlyThePodsCarry() {
		LabelSelector byPodLabel = new LabelSelectorBuilder().addNewMatchExpression()
			.withKey("app.kubernetes.io/name")
			.withOperator("In")
			.withValues("service-loom", "service-reactive")
			.endMatchExpression()
			.build();

		assertThat(Selectors.matches(byPodLabel, Map.of("app.kubernetes.io/part-of", "loomflux"))).isFalse();
		assertThat(Selectors.matches(byPodLabel,
				Map.of("app.kubernetes.io/part-of", "loomflux", "app.kubernetes.io/name", "service-loom")))
			.isTrue();
		assertThat(Selectors.matches(new LabelSelector(), Map.of())).as("an empty selector selects all").isTrue();
	}

	/**
	 * The pods a peer selects, checked to be there when they are in this overlay's
	 * namespace; a peer in another namespace (a Prometheus, an ingress controller) is
	 * outside what the overlay renders.
	 */
	private static List<PodTemplate> assertPeerExists(List<HasMetadata> objects, NetworkPolicy policy, String namespace,
			NetworkPolicyPeer peer) {
		if (peer.getIpBlock() != null || peer.getPodSelector() == null) {
			return List.of();
		}
		if (peer.getNamespaceSelector() != null) {
			Map<String, String> ownLabels = Map.of("kubernetes.io/metadata.name", namespace);
			Map<String, String> rendered = objects.stream()
				.filter(Namespace.class::isInstance)
				.filter((ns) -> ns.getMetadata().getName().equals(namespace))
				.map((ns) -> labels(ns.getMetadata().getLabels()))
				.findFirst()
				.orElse(Map.of());
			var all = new java.util.HashMap<>(rendered);
			all.putAll(ownLabels);
			if (!Selectors.matches(peer.getNamespaceSelector(), all)) {
				return List.of();
			}
		}
		List<PodTemplate> peers = selected(objects, namespace,
				(pod) -> Selectors.matches(peer.getPodSelector(), pod.labels()));
		assertThat(peers).as("peer pods %s of %s", peer.getPodSelector(), describe(policy)).isNotEmpty();
		return peers;
	}

	private static List<PodTemplate> selected(List<HasMetadata> objects, String namespace,
			Predicate<PodTemplate> selector) {
		return Selectors.pods(objects)
			.stream()
			.filter((pod) -> namespace.equals(pod.namespace()))
			.filter(selector)
			.toList();
	}

	/**
	 * A monitor looks in its own namespace unless its namespaceSelector says otherwise.
	 */
	private static List<String> namespaces(HasMetadata monitor, NamespaceSelector selector) {
		if (selector == null || (selector.getAny() == null && list(selector.getMatchNames()).isEmpty())) {
			return List.of(monitor.getMetadata().getNamespace());
		}
		assertThat(selector.getAny()).as("%s looks in every namespace", describe(monitor)).isNotEqualTo(Boolean.TRUE);
		return selector.getMatchNames();
	}

	private static Map<String, String> labels(Map<String, String> labels) {
		return (labels != null) ? labels : Map.of();
	}

	private static <T> List<T> list(List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static String describe(HasMetadata object) {
		return object.getKind() + " " + object.getMetadata().getName();
	}

}
