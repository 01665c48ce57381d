package com.corpbank.portal.ops;

import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The manifests of infra/k8s, read strictly with the fabric8 Kubernetes model: an unknown or misspelt field anywhere
 * (which the model would otherwise keep aside in {@code additionalProperties}), a wrong type, or a kind and
 * apiVersion other than the expected ones fail.
 */
final class KubernetesManifests {

	static final Path DIRECTORY = Path.of("infra", "k8s");

	/** File name, kind, apiVersion and model class of each manifest. */
	static final List<Manifest<?>> EXPECTED = List.of(
			new Manifest<>("configmap.yaml", "ConfigMap", "v1", ConfigMap.class),
			new Manifest<>("deployment.yaml", "Deployment", "apps/v1", Deployment.class),
			new Manifest<>("service.yaml", "Service", "v1", Service.class),
			new Manifest<>("hpa.yaml", "HorizontalPodAutoscaler", "autoscaling/v2", HorizontalPodAutoscaler.class),
			new Manifest<>("pdb.yaml", "PodDisruptionBudget", "policy/v1", PodDisruptionBudget.class));

	private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.build();

	private KubernetesManifests() {
	}

	record Manifest<T extends HasMetadata>(String file, String kind, String apiVersion, Class<T> type) {

		T read() {
			return parse(read(DIRECTORY.resolve(this.file)), this);
		}

		private static String read(Path path) {
			try {
				return Files.readString(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	static <T extends HasMetadata> T parse(String yaml, Manifest<T> manifest) {
		try {
			JsonNode tree = YAML.readTree(yaml);
			if (!manifest.kind().equals(tree.path("kind").asText()) || !manifest.apiVersion().equals(tree.path("apiVersion").asText())) {
				throw new IllegalArgumentException(manifest.file() + ": expected " + manifest.apiVersion() + " "
						+ manifest.kind() + ", found " + tree.path("apiVersion").asText() + " " + tree.path("kind").asText());
			}
			T resource = YAML.treeToValue(tree, manifest.type());
			List<String> unknown = new ArrayList<>();
			collectUnknown(resource, manifest.kind(), unknown);
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException(manifest.file() + ": fields the Kubernetes model does not know: " + unknown);
			}
			return resource;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(manifest.file() + ": " + ex.getMessage(), ex);
		}
	}

	static Deployment deployment() {
		return (Deployment) EXPECTED.get(1).read();
	}

	static ConfigMap configMap() {
		return (ConfigMap) EXPECTED.get(0).read();
	}

	static Container apiContainer() {
		return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	/** The HTTP paths of the API container's startup, liveness and readiness probes. */
	static List<String> probePaths() {
		Container api = apiContainer();
		return java.util.stream.Stream.of(api.getStartupProbe(), api.getLivenessProbe(), api.getReadinessProbe())
			.map(Probe::getHttpGet)
			.map(get -> get.getPath())
			.distinct()
			.toList();
	}

	/** The container port every probe targets (all of them target the same one, by name). */
	static int managementPort() {
		Container api = apiContainer();
		List<String> names = java.util.stream.Stream.of(api.getStartupProbe(), api.getLivenessProbe(), api.getReadinessProbe())
			.map(probe -> probe.getHttpGet().getPort().getStrVal())
			.distinct()
			.toList();
		if (names.size() != 1) {
			throw new IllegalStateException("probes target several ports: " + names);
		}
		return api.getPorts()
			.stream()
			.filter(port -> names.get(0).equals(port.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no container port named " + names.get(0)));
	}

	/**
	 * Walks the model's getters: every object of the model must have no {@code additionalProperties} (what the model
	 * does with fields it does not know).
	 */
	private static void collectUnknown(Object node, String path, List<String> unknown) {
		if (node == null) {
			return;
		}
		if (node instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				collectUnknown(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> collectUnknown(value, path + "." + key, unknown));
			return;
		}
		if (!node.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					extra.keySet().forEach(key -> unknown.add(path + "." + key));
				}
				continue;
			}
			collectUnknown(value, path + "." + Introspector.decapitalize(getter.getName().substring(3)), unknown);
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter + ": " + ex.getMessage(), ex);
		}
	}

}
