package dev.storekeeper.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The base of every link Storekeeper gives out ({@code PUBLIC_URL}), without a trailing
 * slash, so that {@code of("/p/…")} never doubles one.
 */
@Component
public class PublicUrl {

	private final String base;

	PublicUrl(@Value("${storekeeper.public-url:http://localhost:8080}") String url) {
		this.base = url.replaceAll("/+$", "");
	}

	/** The public address of {@code path}, which starts with a slash. */
	public String of(String path) {
		return this.base + path;
	}

}
