package dev.loomflux.deployment;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * Label selectors evaluated as the API server evaluates them, and the objects they can
 * select in a rendered overlay: the pods every workload's template will create, and the
 * Services.
 */
final class Selectors {

	private Selectors() {
	}

	/**
	 * A pod a rendered overlay will run: the labels and namespace of its template, and
	 * its containers' ports.
	 */
	record PodTemplate(String owner, String namespace, Map<String, String> labels, List<ContainerPort> ports) {

		/** Whether a port given by number or by name is one of the containers' ports. */
		boolean exposes(IntOrString port) {
			return this.ports.stream()
				.anyMatch((candidate) -> (port.getIntVal() != null)
						? port.getIntVal().equals(candidate.getContainerPort())
						: port.getStrVal().equals(candidate.getName()));
		}

	}

	static List<PodTemplate> pods(List<HasMetadata> objects) {
		return objects.stream().<PodTemplate>mapMulti((object, pods) -> {
			String namespace = object.getMetadata().getNamespace();
			String owner = object.getKind() + " " + object.getMetadata().getName();
			switch (object) {
				case Deployment deployment ->
					pods.accept(template(owner, namespace, deployment.getSpec().getTemplate()));
				case StatefulSet statefulSet ->
					pods.accept(template(owner, namespace, statefulSet.getSpec().getTemplate()));
				case Job job -> pods.accept(template(owner, namespace, job.getSpec().getTemplate()));
				case Pod pod -> pods.accept(new PodTemplate(owner, namespace, orEmpty(pod.getMetadata().getLabels()),
						ports(pod.getSpec())));
				default -> {
				}
			}
		}).toList();
	}

	static List<Service> services(List<HasMetadata> objects) {
		return objects.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
	}

	/**
	 * Whether a LabelSelector selects an object with these labels: every matchLabels
	 * entry and every matchExpressions requirement must hold; an empty selector selects
	 * everything.
	 */
	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return true;
		}
		boolean labelsMatch = orEmpty(selector.getMatchLabels()).entrySet()
			.stream()
			.allMatch((entry) -> entry.getValue().equals(labels.get(entry.getKey())));
		List<LabelSelectorRequirement> expressions = (selector.getMatchExpressions() != null)
				? selector.getMatchExpressions() : List.of();
		return labelsMatch && expressions.stream().allMatch((requirement) -> holds(requirement, labels));
	}

	/** A Service's spec.selector: a plain map, all of it must match. */
	static boolean matches(Map<String, String> selector, Map<String, String> labels) {
		return selector.entrySet().stream().allMatch((entry) -> entry.getValue().equals(labels.get(entry.getKey())));
	}

	private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
		String value = labels.get(requirement.getKey());
		List<String> values = (requirement.getValues() != null) ? requirement.getValues() : List.of();
		return switch (requirement.getOperator()) {
			case "In" -> value != null && values.contains(value);
			case "NotIn" -> value == null || !values.contains(value);
			case "Exists" -> value != null;
			case "DoesNotExist" -> value == null;
			default -> throw new IllegalArgumentException("Unknown selector operator " + requirement.getOperator());
		};
	}

	private static PodTemplate template(String owner, String namespace, PodTemplateSpec template) {
		return new PodTemplate(owner, namespace, orEmpty(template.getMetadata().getLabels()),
				ports(template.getSpec()));
	}

	private static List<ContainerPort> ports(PodSpec spec) {
		return spec.getContainers()
			.stream()
			.flatMap((container) -> ((container.getPorts() != null) ? container.getPorts() : List.<ContainerPort>of())
				.stream())
			.toList();
	}

	private static Map<String, String> orEmpty(Map<String, String> map) {
		return (map != null) ? map : Map.of();
	}

}
