package dev.loomflux.deployment;

import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The overlay checks are only worth something if the model really refuses what Kubernetes
 * would.
 */
class StrictKubernetesTest {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: probe
			spec:
			  %s: 2
			  selector:
			    matchLabels:
			      app: probe
			  template:
			    metadata:
			      labels:
			        app: probe
			    spec:
			      containers:
			        - name: probe
			          image: probe
			          %s:
			            - containerPort: 8080
			""";

	@Test
	void shouldReadAWellFormedDeployment() {
		Deployment deployment = (Deployment) StrictKubernetes.read(manifest("replicas", "ports"));

		assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts()).hasSize(1);
	}

	@Test
	void shouldRejectAMisspelledTopLevelField() {
		assertThatException().isThrownBy(() -> StrictKubernetes.read(manifest("replica", "ports")))
			.withMessageContaining("Unrecognized field \"replica\"");
	}

	@Test
	void shouldRejectAMisspelledFieldDeepInThePodTemplate() {
		assertThatException().isThrownBy(() -> StrictKubernetes.read(manifest("replicas", "port")))
			.withMessageContaining("Unrecognized field \"port\"");
	}

	@Test
	void shouldRejectAKindItDoesNotKnow() {
		assertThatException()
			.isThrownBy(() -> StrictKubernetes.read(Map.of("apiVersion", "apps/v1", "kind", "Deploymnet")))
			.withMessageContaining("Deploymnet");
	}

	private static Map<String, Object> manifest(String replicasField, String portsField) {
		return Repository.yamlDocuments(DEPLOYMENT.formatted(replicasField, portsField)).getFirst();
	}

}
