package dev.storekeeper.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the schema of the Crevio v1 reference that a wire record answers as: a component
 * ({@code "Product"}), or a path into one ({@code "Order.charge"},
 * {@code "Customer.tags[]"} for the items of an array). The JSON writer omits a null
 * property the schema does not mark {@code nullable} (see {@link ReferenceNullability});
 * properties the schema lacks, the extensions, are written as they are.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WireSchema {

	/**
	 * The schema: a component name, optionally followed by {@code .property} or
	 * {@code []} steps.
	 */
	String value();

}
