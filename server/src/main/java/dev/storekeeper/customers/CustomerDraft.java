package dev.storekeeper.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;

/**
 * The editable fields of a customer, read from a request and checked against the rules.
 */
final class CustomerDraft {

	static final Set<String> TYPES = Set.of("lead", "free", "paid");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	String email = "";

	@Nullable String name;

	@Nullable String firstName;

	@Nullable String lastName;

	String customerType = "lead";

	@Nullable List<String> tags;

	static CustomerDraft of(Customer customer) {
		CustomerDraft draft = new CustomerDraft();
		draft.email = customer.email();
		draft.name = customer.name();
		draft.firstName = customer.firstName();
		draft.lastName = customer.lastName();
		draft.customerType = customer.customerType();
		return draft;
	}

	/** Applies the fields present in the request, then checks every rule. */
	void apply(Fields fields, boolean creating) {
		Errors errors = fields.errors();
		if (creating || fields.has("email")) {
			String value = fields.string("email");
			this.email = (value != null) ? value.trim() : "";
			if (!errors.has("email")) {
				if (this.email.isEmpty()) {
					errors.add("email", "can't be blank");
				}
				else if (this.email.length() > 254 || !EMAIL.matcher(this.email).matches()) {
					errors.add("email", "is invalid");
				}
			}
		}
		if (fields.has("name")) {
			this.name = text(fields, "name", 200);
		}
		if (fields.has("firstName")) {
			this.firstName = text(fields, "firstName", 100);
		}
		if (fields.has("lastName")) {
			this.lastName = text(fields, "lastName", 100);
		}
		if (this.name == null && (this.firstName != null || this.lastName != null)) {
			this.name = String.join(" ",
					java.util.stream.Stream.of(this.firstName, this.lastName).filter((part) -> part != null).toList());
		}
		if (fields.has("customerType")) {
			String type = fields.string("customerType");
			if (type == null || !TYPES.contains(type)) {
				errors.add("customerType", "is not included in the list");
			}
			else {
				this.customerType = type;
			}
		}
		if (fields.has("tags")) {
			List<String> given = fields.strings("tags");
			if (given != null) {
				LinkedHashMap<String, String> unique = new LinkedHashMap<>();
				for (String tag : given) {
					String trimmed = tag.trim();
					if (trimmed.isEmpty() || trimmed.length() > 50) {
						errors.add("tags", "must be 1 to 50 characters each");
						break;
					}
					unique.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
				}
				if (unique.size() > 50) {
					errors.add("tags", "is too long (maximum is 50 tags)");
				}
				this.tags = new ArrayList<>(unique.values());
			}
			else if (!errors.has("tags")) {
				this.tags = List.of();
			}
		}
	}

	private @Nullable String text(Fields fields, String field, int max) {
		String value = fields.string(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.trim().length() > max) {
			fields.errors().add(field, "is too long (maximum is " + max + " characters)");
		}
		return value.trim();
	}

}
