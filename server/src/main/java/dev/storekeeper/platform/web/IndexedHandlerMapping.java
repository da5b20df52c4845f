package dev.storekeeper.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping, with the mappings indexed by the literal start of their
 * paths: a request is matched against the mappings its path can reach (those of
 * {@code /v1/products/…} for {@code /v1/products/prod_1}, a dozen) instead of all of them
 * (two hundred, each condition read from request attributes): that was a quarter of a
 * product read's CPU (bench/RESULTS.md, round two). The answer is the same: the index
 * only narrows the candidates, each still matched and ranked by Spring's own conditions
 * and comparator; whenever the narrowed set has no match or an ambiguous one, a path that
 * is encoded or carries matrix variables, a CORS pre-flight, or a mapping registered at
 * run time, Spring's full lookup answers (and its 404, 405 and 406).
 */
class IndexedHandlerMapping extends RequestMappingHandlerMapping {

	private volatile @Nullable Index index;

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		this.index = Index.of(handlerMethods);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		this.index = null;
		super.registerMapping(mapping, handler, method);
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		this.index = null;
		super.unregisterMapping(mapping);
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		Index index = this.index;
		if (index == null || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0
				|| CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		// as Spring does: the mappings of exactly this path first, then every one it
		// can reach
		List<Found> found = new ArrayList<>(2);
		matches(index.direct.getOrDefault(lookupPath, List.of()), request, found);
		if (found.isEmpty()) {
			List<List<Candidate>> reachable = index.reachable(lookupPath);
			if (reachable.isEmpty()) {
				// no pattern can match this path: Spring finds no handler either, and no
				// 405, 406 or 415 to report (another handler mapping may have one)
				return null;
			}
			for (List<Candidate> candidates : reachable) {
				matches(candidates, request, found);
			}
		}
		if (found.isEmpty()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Found best = found.get(0);
		if (found.size() > 1) {
			Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
			found.sort((a, b) -> comparator.compare(a.match(), b.match()));
			best = found.get(0);
			if (comparator.compare(best.match(), found.get(1).match()) == 0) {
				// Spring says which handlers are ambiguous
				return super.lookupHandlerMethod(lookupPath, request);
			}
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
		handleMatch(best.match(), lookupPath, request);
		return best.handler();
	}

	/**
	 * How many mappings a request for {@code path} is matched against (all of them when
	 * there is no index yet).
	 */
	int candidates(String path) {
		Index index = this.index;
		if (index == null) {
			return getHandlerMethods().size();
		}
		int count = 0;
		for (List<Candidate> candidates : index.reachable(path)) {
			count += candidates.size();
		}
		return count;
	}

	private void matches(List<Candidate> candidates, HttpServletRequest request, List<Found> found) {
		for (Candidate candidate : candidates) {
			RequestMappingInfo match = getMatchingMapping(candidate.mapping(), request);
			if (match != null) {
				found.add(new Found(match, candidate.handler()));
			}
		}
	}

	/**
	 * The leading segments of a pattern without a variable or wildcard: "/v1/products" of
	 * "/v1/products/{id}", the whole of "/v1/products", "" of "/{*path}".
	 */
	static String literalPrefix(String pattern) {
		if (pattern.isEmpty() || pattern.charAt(0) != '/') {
			return "";
		}
		int end = 0;
		int from = 1;
		while (from <= pattern.length()) {
			int next = pattern.indexOf('/', from);
			int segmentEnd = (next < 0) ? pattern.length() : next;
			String segment = pattern.substring(from, segmentEnd);
			if (segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0
					|| segment.indexOf('?') >= 0) {
				break;
			}
			end = segmentEnd;
			if (next < 0) {
				break;
			}
			from = next + 1;
		}
		return pattern.substring(0, end);
	}

	private record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {
	}

	private record Found(RequestMappingInfo match, HandlerMethod handler) {
	}

	/**
	 * The mappings by the literal segments their path patterns start with (all of a
	 * literal path; up to the first variable or wildcard of the others), and by each
	 * literal path.
	 */
	private record Index(Map<String, List<Candidate>> byPrefix, Map<String, List<Candidate>> direct) {

		static Index of(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
			Map<String, List<Candidate>> byPrefix = new HashMap<>();
			Map<String, List<Candidate>> direct = new HashMap<>();
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMethods.entrySet()) {
				Candidate candidate = new Candidate(entry.getKey(), entry.getValue());
				PathPatternsRequestCondition paths = entry.getKey().getPathPatternsCondition();
				Set<String> prefixes = new LinkedHashSet<>();
				if (paths == null || paths.getPatterns().isEmpty()) {
					prefixes.add("");
				}
				else {
					for (PathPattern pattern : paths.getPatterns()) {
						String text = pattern.getPatternString();
						// the root is a literal path of its own, not a prefix of every
						// path
						String prefix = text.equals("/") ? text : literalPrefix(text);
						prefixes.add(prefix);
						if (prefix.equals(text)) {
							direct.computeIfAbsent(text, (key) -> new ArrayList<>()).add(candidate);
						}
					}
				}
				for (String prefix : prefixes) {
					byPrefix.computeIfAbsent(prefix, (key) -> new ArrayList<>()).add(candidate);
				}
			}
			return new Index(Map.copyOf(byPrefix), Map.copyOf(direct));
		}

		/**
		 * The mappings whose literal start is a whole-segment prefix of the path, in
		 * groups by that prefix, none empty (not copied into one list: this runs for
		 * every request).
		 */
		List<List<Candidate>> reachable(String path) {
			List<List<Candidate>> groups = new ArrayList<>(4);
			add(groups, "");
			int slash = path.indexOf('/', 1);
			while (slash > 0) {
				add(groups, path.substring(0, slash));
				slash = path.indexOf('/', slash + 1);
			}
			add(groups, path);
			return groups;
		}

		private void add(List<List<Candidate>> groups, String prefix) {
			List<Candidate> candidates = this.byPrefix.get(prefix);
			if (candidates != null) {
				groups.add(candidates);
			}
		}

	}

}
