package dev.storekeeper.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wire contract: {@code openapi.yaml} (conventions and shared schemas) merged with
 * each capability's own {@code openapi/*.yaml} (its paths, schemas and tags), served as
 * JSON at {@code /v1/openapi.json}.
 */
@RestController
public class OpenApiDocument {

	/** Parsed on first request, not at start-up: most servers never serve it. */
	private volatile Map<String, Object> document;

	@GetMapping(path = "/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> openapi() throws IOException {
		Map<String, Object> current = this.document;
		if (current == null) {
			current = load();
			this.document = current;
		}
		return ResponseEntity.ok(current);
	}

	/** The merged document, as a tree of maps and lists. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> load() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Map<String, Object> root = read(resolver.getResource("classpath:openapi.yaml"));
		Resource[] parts = resolver.getResources("classpath*:openapi/*.yaml");
		Arrays.sort(parts, Comparator.comparing(Resource::getFilename));
		for (Resource part : parts) {
			Map<String, Object> fragment = read(part);
			merge(root, fragment, "paths");
			Map<String, Object> components = (Map<String, Object>) root.computeIfAbsent("components",
					(key) -> new LinkedHashMap<>());
			Map<String, Object> fragmentComponents = (Map<String, Object>) fragment.get("components");
			if (fragmentComponents != null) {
				for (String kind : fragmentComponents.keySet()) {
					merge(components, fragmentComponents, kind);
				}
			}
			List<Object> tags = (List<Object>) fragment.get("tags");
			if (tags != null) {
				((List<Object>) root.computeIfAbsent("tags", (key) -> new java.util.ArrayList<>())).addAll(tags);
			}
		}
		return root;
	}

	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> into, Map<String, Object> from, String key) {
		Map<String, Object> source = (Map<String, Object>) from.get(key);
		if (source == null) {
			return;
		}
		Map<String, Object> target = (Map<String, Object>) into.computeIfAbsent(key, (k) -> new LinkedHashMap<>());
		for (Map.Entry<String, Object> entry : source.entrySet()) {
			if (target.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
				throw new IllegalStateException("openapi: " + key + "." + entry.getKey() + " is defined twice");
			}
		}
	}

	private static Map<String, Object> read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			LoaderOptions options = new LoaderOptions();
			options.setCodePointLimit(16 * 1024 * 1024);
			Map<String, Object> map = new Yaml(options).load(in);
			return (map != null) ? map : new LinkedHashMap<>();
		}
	}

}
