package dev.loomflux.deployment;

import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Reads rendered manifests into fabric8's Kubernetes model, refusing anything the API
 * server would not know: an unknown kind, or an unknown field anywhere in the object.
 *
 * <p>
 * fabric8's model classes keep unknown fields in an {@code @JsonAnySetter} map (so a
 * client never loses data), which makes FAIL_ON_UNKNOWN_PROPERTIES alone a no-op. The
 * introspector below disregards those any-setters, so a misspelled field fails like it
 * would with {@code kubectl apply --validate=strict}.
 */
final class StrictKubernetes {

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
			Map.entry("v1/Namespace", Namespace.class), Map.entry("v1/ConfigMap", ConfigMap.class),
			Map.entry("v1/Secret", Secret.class), Map.entry("v1/Service", Service.class),
			Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class), Map.entry("v1/Pod", Pod.class),
			Map.entry("apps/v1/Deployment", Deployment.class), Map.entry("apps/v1/StatefulSet", StatefulSet.class),
			Map.entry("batch/v1/Job", Job.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.annotationIntrospector(new JacksonAnnotationIntrospector() {

			@Override
			public Boolean hasAnySetter(Annotated annotated) {
				return false;
			}

		})
		.build();

	private StrictKubernetes() {
	}

	static HasMetadata read(Map<String, Object> manifest) {
		String key = manifest.get("apiVersion") + "/" + manifest.get("kind");
		Class<? extends HasMetadata> type = KINDS.get(key);
		if (type == null) {
			throw new IllegalArgumentException("Unknown kind " + key + " (add it to StrictKubernetes if it is real)");
		}
		return MAPPER.convertValue(manifest, type);
	}

}
