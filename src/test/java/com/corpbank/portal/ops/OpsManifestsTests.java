package com.corpbank.portal.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.corpbank.portal.ops.KubernetesManifests.Manifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * infra/k8s: every manifest parses strictly with the fabric8 Kubernetes model, the pieces agree with each other, the
 * pod runs as non-root with resources set, and every environment variable is a setting the service reads.
 * (GraphQlMetricsTests checks that the probe paths answer on the management port.)
 */
class OpsManifestsTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	/** Read by the JVM itself, not by Spring. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	static List<Manifest<?>> manifests() {
		return KubernetesManifests.EXPECTED;
	}

	@ParameterizedTest
	@MethodSource("manifests")
	void parsesStrictlyWithTheKubernetesModel(Manifest<?> manifest) {
		assertThat(manifest.read().getMetadata().getName()).startsWith("client-portal");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFolderHoldsExactlyTheseManifestsAndKustomizeListsThemAll() throws IOException {
		Set<String> files;
		try (Stream<Path> list = Files.list(KubernetesManifests.DIRECTORY)) {
			files = list.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
		}
		Set<String> expected = manifests().stream().map(Manifest::file).collect(Collectors.toCollection(HashSet::new));
		expected.add("kustomization.yaml");
		assertThat(files).isEqualTo(expected);
		Map<String, Object> kustomization = new Yaml()
			.load(Files.readString(KubernetesManifests.DIRECTORY.resolve("kustomization.yaml")));
		assertThat(kustomization).containsEntry("kind", "Kustomization");
		assertThat((List<Object>) kustomization.get("resources"))
			.containsExactlyInAnyOrderElementsOf(manifests().stream().map(m -> (Object) m.file()).toList());
	}

	@Test
	void aMisspeltFieldAWrongTypeOrAWrongApiVersionIsRefused() throws IOException {
		Manifest<?> deployment = KubernetesManifests.EXPECTED.get(1);
		String text = Files.readString(KubernetesManifests.DIRECTORY.resolve(deployment.file()));
		assertThat(KubernetesManifests.parse(text, deployment)).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesManifests.parse(text.replace("readinessProbe:", "readinesProbe:"), deployment))
			.withMessageContaining("readinesProbe");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesManifests.parse(text.replace("runAsNonRoot: true", "runAsNonRoot: sure"), deployment));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesManifests.parse(text.replace("revisionHistoryLimit: 5", "revisionHistoryLimit: [5]"),
					deployment));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesManifests.parse(text.replace("apiVersion: apps/v1", "apiVersion: apps/v1beta1"),
					deployment))
			.withMessageContaining("apps/v1beta1");
	}

	@Test
	void thePodRunsAsNonRootWithAReadOnlyRootAndNoCapabilities() {
		PodSpec pod = KubernetesManifests.deployment().getSpec().getTemplate().getSpec();
		PodSecurityContext podSecurity = pod.getSecurityContext();
		assertThat(podSecurity.getRunAsNonRoot()).isTrue();
		assertThat(podSecurity.getRunAsUser()).isPositive();
		// The image's own user (pom.xml, profile image: image.user): the pod must run as the user the image was built for.
		assertThat(podSecurity.getRunAsUser() + ":" + podSecurity.getRunAsGroup()).isEqualTo(imageUser());
		assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		for (Container container : pod.getContainers()) {
			SecurityContext security = container.getSecurityContext();
			assertThat(security.getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
			assertThat(security.getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
			assertThat(security.getCapabilities().getDrop()).as(container.getName()).containsExactly("ALL");
			Map<String, Quantity> requests = container.getResources().getRequests();
			Map<String, Quantity> limits = container.getResources().getLimits();
			assertThat(requests).as(container.getName()).containsKeys("cpu", "memory");
			assertThat(limits).as(container.getName()).containsKeys("memory");
			assertThat(Quantity.getAmountInBytes(requests.get("memory")))
				.isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
		}
	}

	@Test
	void serviceAutoscalerAndDisruptionBudgetSelectTheDeploymentsPods() {
		Deployment deployment = KubernetesManifests.deployment();
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

		Service service = (Service) KubernetesManifests.EXPECTED.get(2).read();
		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		Set<String> containerPorts = KubernetesManifests.apiContainer()
			.getPorts()
			.stream()
			.map(port -> port.getName())
			.collect(Collectors.toSet());
		// Only the application port is routed: health and the Prometheus scrape stay on the pods' management port.
		assertThat(service.getSpec().getPorts()).extracting(port -> port.getTargetPort().getStrVal()).containsExactly("http");
		assertThat(service.getSpec().getPorts()).extracting(ServicePort::getTargetPort)
			.allSatisfy(target -> assertThat(containerPorts).contains(target.getStrVal()));

		HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) KubernetesManifests.EXPECTED.get(3).read();
		assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());

		PodDisruptionBudget pdb = (PodDisruptionBudget) KubernetesManifests.EXPECTED.get(4).read();
		assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
		assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isLessThan(hpa.getSpec().getMinReplicas());
	}

	@Test
	void secretsAreReferencedNeverWritten() throws IOException {
		Container api = KubernetesManifests.apiContainer();
		EnvVar mongoUri = api.getEnv().stream().filter(env -> env.getName().equals("MONGODB_URI")).findFirst().orElseThrow();
		assertThat(mongoUri.getValue()).isNull();
		assertThat(mongoUri.getValueFrom().getSecretKeyRef().getName()).isEqualTo("client-portal-secrets");
		assertThat(KubernetesManifests.configMap().getData()).doesNotContainKeys("MONGODB_URI");
		assertThat(KubernetesManifests.configMap().getData().keySet())
			.noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET") || key.contains("TOKEN"));
		try (Stream<Path> list = Files.list(KubernetesManifests.DIRECTORY)) {
			for (Path file : list.toList()) {
				assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern("(?m)^kind: Secret");
			}
		}
		assertThat(api.getEnvFrom()).extracting(from -> from.getConfigMapRef().getName())
			.containsExactly(KubernetesManifests.configMap().getMetadata().getName());
	}

	@Test
	void everyEnvironmentVariableIsASettingTheServiceReads() throws IOException {
		Set<String> names = new LinkedHashSet<>(KubernetesManifests.configMap().getData().keySet());
		KubernetesManifests.apiContainer().getEnv().forEach(env -> names.add(env.getName()));

		Set<String> placeholders = placeholders(Path.of("src/main/resources/application.yml"));
		Set<String> bootProperties = bootPropertiesAsEnvironmentVariables();
		assertThat(placeholders).contains("MONGODB_URI", "KEYCLOAK_ISSUER_URI", "PORT");
		assertThat(bootProperties).contains("MANAGEMENT_SERVER_PORT", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
		assertThat(names).allSatisfy(name -> assertThat(
				placeholders.contains(name) || bootProperties.contains(name) || JVM_VARIABLES.contains(name))
			.as("%s is neither a placeholder of application.yml nor a Spring Boot property", name)
			.isTrue());
		assertThat(KubernetesManifests.configMap().getData()).containsEntry("MANAGEMENT_SERVER_PORT",
				String.valueOf(KubernetesManifests.managementPort()));
		assertThat(KubernetesManifests.configMap().getData()).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
	}

	static Set<String> placeholders(Path file) throws IOException {
		Set<String> names = new HashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** Every property in the configuration metadata on the classpath, in Boot's environment-variable form. */
	static Set<String> bootPropertiesAsEnvironmentVariables() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> names = new HashSet<>();
		for (URL url : Collections.list(OpsManifestsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					names.add(property.path("name").asText().replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT));
				}
			}
		}
		return names;
	}


	/** {@code image.user} of the pom's image profile, e.g. "10001:10001". */
	private static String imageUser() {
		try {
			String pom = Files.readString(java.nio.file.Path.of("pom.xml"));
			java.util.regex.Matcher user = java.util.regex.Pattern.compile("<image.user>([^<]+)</image.user>").matcher(pom);
			assertThat(user.find()).as("image.user in pom.xml").isTrue();
			return user.group(1).trim();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
