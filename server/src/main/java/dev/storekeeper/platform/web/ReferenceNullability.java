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

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

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

	/** A Jackson module that applies the rule to every {@link WireSchema} record. */
	public static SimpleModule module() {
		SimpleModule module = new SimpleModule("reference-nullability");
		module.setSerializerModifier(new Modifier(INSTANCE));
		return module;
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

	private static final class Modifier extends ValueSerializerModifier {

		private final ReferenceNullability nullability;

		Modifier(ReferenceNullability nullability) {
			this.nullability = nullability;
		}

		@Override
		public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier bean,
				List<BeanPropertyWriter> properties) {
			WireSchema wire = bean.getBeanClass().getAnnotation(WireSchema.class);
			if (wire == null) {
				return properties;
			}
			Set<String> omitted = this.nullability.omittedWhenAbsent(wire.value());
			List<BeanPropertyWriter> result = new ArrayList<>(properties.size());
			for (BeanPropertyWriter property : properties) {
				result.add(omitted.contains(property.getName()) ? new OmittedWhenNull(property) : property);
			}
			return result;
		}

	}

	/** A property written only when it has a value. */
	private static final class OmittedWhenNull extends BeanPropertyWriter {

		OmittedWhenNull(BeanPropertyWriter base) {
			super(base);
		}

		private OmittedWhenNull(BeanPropertyWriter base, PropertyName name) {
			super(base, name);
		}

		@Override
		protected BeanPropertyWriter _new(PropertyName name) {
			return new OmittedWhenNull(this, name);
		}

		@Override
		public void serializeAsProperty(Object bean, JsonGenerator g, SerializationContext ctxt) throws Exception {
			@Nullable Object value = get(bean);
			if (value == null) {
				return;
			}
			super.serializeAsProperty(bean, g, ctxt);
		}

	}

}
