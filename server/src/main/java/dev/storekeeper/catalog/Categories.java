package dev.storekeeper.catalog;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.Errors;
import dev.storekeeper.platform.web.Fields;
import dev.storekeeper.platform.web.Ids;
import dev.storekeeper.platform.web.NotFound;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.Times;

/**
 * Categories of products ({@code cat_}): a name unique per account and mode ignoring
 * case, and a description; deleting one leaves its products uncategorised.
 */
@Service
public class Categories {

	private final CategoryRepository categories;

	private final CatalogCache cache;

	private final Clock clock;

	Categories(CategoryRepository categories, CatalogCache cache, Clock clock) {
		this.categories = categories;
		this.cache = cache;
		this.clock = clock;
	}

	/** The caller's categories, newest first. */
	@Transactional(readOnly = true)
	public Page<Category> list(Caller caller, PageQuery page) {
		long count = this.categories.count(caller.accountId(), caller.livemode());
		return Page.of(this.categories.page(caller.accountId(), caller.livemode(), page), page, count);
	}

	/** The caller's category with this prefixId or integer id. */
	@Transactional(readOnly = true)
	public Category get(Caller caller, String key) {
		return this.categories.find(caller.accountId(), caller.livemode(), key)
			.orElseThrow(() -> new NotFound("Category"));
	}

	/** Creates a category from {@code name} and {@code description}. */
	@Transactional
	public Category create(Caller caller, Fields fields) {
		Draft draft = draft(caller, fields, null, -1);
		long id;
		try {
			id = this.categories.insert(Ids.next("cat"), caller.accountId(), caller.livemode(), draft.name(),
					draft.description(), Times.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("name", "has already been taken");
		}
		return get(caller, String.valueOf(id));
	}

	/** Changes the fields sent. */
	@Transactional
	public Category update(Caller caller, String key, Fields fields) {
		Category current = get(caller, key);
		Draft draft = draft(caller, fields, current, current.id());
		try {
			this.categories.update(current.id(), draft.name(), draft.description(), Times.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw Errors.of("name", "has already been taken");
		}
		this.cache.changing();
		return get(caller, current.prefixId());
	}

	/** Deletes the category; its products become uncategorised. */
	@Transactional
	public void delete(Caller caller, String key) {
		Category current = get(caller, key);
		this.cache.changing();
		this.categories.delete(current.id());
	}

	/** The account's category that {@code key} (a prefixId or an id) names, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<Category> find(long accountId, boolean livemode, String key) {
		return this.categories.find(accountId, livemode, key);
	}

	/** The id of the caller's category that {@code key} names, if it is theirs. */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> resolve(long accountId, boolean livemode, String key) {
		return this.categories.find(accountId, livemode, key).map(Category::id);
	}

	private Draft draft(Caller caller, Fields fields, @Nullable Category current, long exceptId) {
		Errors errors = fields.errors();
		String name = (current != null) ? current.name() : null;
		String description = (current != null) ? current.description() : null;
		if (fields.has("name")) {
			String value = fields.string("name");
			name = (value != null) ? value.trim() : null;
		}
		if (!errors.has("name")) {
			if (name == null || name.isEmpty()) {
				errors.add("name", "can't be blank");
			}
			else if (name.length() > 100) {
				errors.add("name", "is too long (maximum is 100 characters)");
			}
			else if (this.categories.nameTaken(caller.accountId(), caller.livemode(), name, exceptId)) {
				errors.add("name", "has already been taken");
			}
		}
		if (fields.has("description")) {
			description = fields.string("description");
			if (description != null && description.length() > 5000) {
				errors.add("description", "is too long (maximum is 5000 characters)");
			}
		}
		errors.throwIfAny();
		return new Draft((name != null) ? name : "", description);
	}

	private record Draft(String name, @Nullable String description) {
	}

}
