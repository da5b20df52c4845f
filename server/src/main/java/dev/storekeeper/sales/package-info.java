/**
 * The facts of a sale that several modules react to: an order placed, refunded or
 * disputed. Orders publish them; customers and the catalog keep their counters by them in
 * the same transaction, and webhooks record them. Only records live here, below every
 * module, so that listening never makes a cycle (orders read customers and the catalog).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.storekeeper.sales;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
