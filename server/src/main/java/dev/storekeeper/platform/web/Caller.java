package dev.storekeeper.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: one seller account in one mode, through one API token with one access
 * level.
 *
 * @param plan the account's rate-limit plan, or null for the server's default limits
 */
public record Caller(long accountId, boolean livemode, Access access, long tokenId, @Nullable RatePlan plan) {

}
