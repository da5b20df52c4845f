package dev.storekeeper.platform.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The relations a caller asked to expand with {@code expand=a,b}. */
public record Expand(Set<String> names) {

	/** Parses {@code expand}, refusing a name not in {@code allowed} with 400. */
	public static Expand parse(@Nullable String value, Set<String> allowed) {
		Set<String> names = new LinkedHashSet<>();
		if (value != null) {
			for (String part : value.split(",")) {
				String name = part.trim();
				if (name.isEmpty()) {
					continue;
				}
				if (!allowed.contains(name)) {
					throw new InvalidParameter("expand: unknown relation '" + name + "'; allowed: "
							+ String.join(", ", allowed.stream().sorted().toList()));
				}
				names.add(name);
			}
		}
		return new Expand(Set.copyOf(names));
	}

	public boolean has(String name) {
		return this.names.contains(name);
	}

}
