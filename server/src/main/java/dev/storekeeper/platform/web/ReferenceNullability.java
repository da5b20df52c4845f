package dev.storekeeper.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place that decides whether an absent value is written as {@code null} or
 * omitted: a property of a {@link WireSchema} record that the Crevio v1 reference
 * (shipped unmodified as {@code reference/crevio-v1-openapi.json}) types without
 * {@code nullable: true} is left out when it has no value, since a client generated from
 * the reference refuses a {@code null} there; a property the reference marks
 * {@code nullable}, and every extension property, is written as it is.
 */
public final class ReferenceNullability {

	/** Where the reference document is on the class path. */
	public static final String REFERENCE = "reference/crevio-v1-openapi.json";

	private static final ReferenceNullability INSTANCE = new ReferenceNullability(load());

	private final JsonNode reference;

	private final Map<String, Set<String>> omittable = new ConcurrentHashMap<>();

	ReferenceNullability(JsonNode reference) {
		this.reference = reference;
	}

	/** The reference as shipped. */
	public static ReferenceNullability reference() {
		return INSTANCE;
	}

	/**
	 * A Jackson module that applies the rule to every {@link WireSchema} record: it marks
	 * each property to omit as {@code NON_NULL}, so Jackson's own property writers
	 * (generated, not reflective, with Blackbird) leave it out.
	 */
	public static JacksonModule module() {
		return new SimpleModule("reference-nullability") {

			@Override
			public void setupModule(SetupContext context) {
				super.setupModule(context);
				context.insertAnnotationIntrospector(new Inclusion(INSTANCE));
			}

		};
	}

	/**
	 * The properties of {@code schema} (a {@link WireSchema} path) that must be omitted
	 * rather than written as {@code null}.
	 */
	public Set<String> omittedWhenAbsent(String schema) {
		return this.omittable.computeIfAbsent(schema, this::resolveOmittable);
	}

	private Set<String> resolveOmittable(String path) {
		JsonNode schema = resolve(path);
		Set<String> names = new HashSet<>();
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			if (!allowsNull(property.getValue())) {
				names.add(property.getKey());
			}
		}
		return Set.copyOf(names);
	}

	/**
	 * Whether {@code null} is valid for a property: {@code nullable: true} beside an
	 * explicit {@code type}. OpenAPI 3.0.3 gives {@code nullable} no effect without one,
	 * so {@code {nullable: true, allOf: [$ref]}} (an avatar, an image) does not allow
	 * null, and an absent one is omitted too.
	 */
	private static boolean allowsNull(JsonNode property) {
		return property.path("nullable").asBoolean(false) && property.has("type");
	}

	private JsonNode resolve(String path) {
		List<String> steps = steps(path);
		JsonNode schema = this.reference.path("components").path("schemas").path(steps.get(0));
		if (schema.isMissingNode()) {
			throw new IllegalStateException("No schema " + steps.get(0) + " in the reference");
		}
		schema = deref(schema);
		for (String step : steps.subList(1, steps.size())) {
			schema = deref(step.equals("[]") ? schema.path("items") : schema.path("properties").path(step));
			if (schema.isMissingNode()) {
				throw new IllegalStateException("No schema " + path + " in the reference");
			}
		}
		return schema;
	}

	private static List<String> steps(String path) {
		List<String> steps = new ArrayList<>();
		for (String part : path.split("\\.")) {
			String name = part;
			int arrays = 0;
			while (name.endsWith("[]")) {
				name = name.substring(0, name.length() - 2);
				arrays++;
			}
			steps.add(name);
			for (int i = 0; i < arrays; i++) {
				steps.add("[]");
			}
		}
		return steps;
	}

	private JsonNode deref(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10; i++) {
			if (current.has("$ref")) {
				String name = current.get("$ref").asString().replace("#/components/schemas/", "");
				current = this.reference.path("components").path("schemas").path(name);
			}
			else if (current.has("allOf") && !current.has("properties") && current.get("allOf").size() == 1) {
				current = current.get("allOf").get(0);
			}
			else {
				return current;
			}
		}
		return current;
	}

	private static JsonNode load() {
		try (InputStream in = ReferenceNullability.class.getClassLoader().getResourceAsStream(REFERENCE)) {
			if (in == null) {
				throw new IllegalStateException("The reference document is missing from the class path: " + REFERENCE);
			}
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Says {@code NON_NULL} for a property of a {@link WireSchema} record that the
	 * reference does not let be null, and nothing for every other property.
	 */
	private static final class Inclusion extends NopAnnotationIntrospector {

		private static final JsonInclude.Value NON_NULL = JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
				JsonInclude.Include.NON_NULL);

		private final ReferenceNullability nullability;

		Inclusion(ReferenceNullability nullability) {
			this.nullability = nullability;
		}

		@Override
		public JsonInclude.@Nullable Value findPropertyInclusion(MapperConfig<?> config, Annotated annotated) {
			if (!(annotated instanceof AnnotatedMember member)) {
				return null;
			}
			WireSchema wire = member.getDeclaringClass().getAnnotation(WireSchema.class);
			if (wire == null) {
				return null;
			}
			JsonProperty renamed = member.getAnnotation(JsonProperty.class);
			String name = (renamed != null && !renamed.value().isEmpty()) ? renamed.value() : member.getName();
			return this.nullability.omittedWhenAbsent(wire.value()).contains(name) ? NON_NULL : null;
		}

	}

}
