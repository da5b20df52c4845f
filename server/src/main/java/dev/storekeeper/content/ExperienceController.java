package dev.storekeeper.content;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.storekeeper.platform.web.Deleted;
import dev.storekeeper.content.ExperienceContent.Chapter;
import dev.storekeeper.files.FileSummary;
import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import dev.storekeeper.platform.web.QueryParams;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.storekeeper.platform.web.WireSchema;

/** {@code /v1/experiences}: the caller's experiences in its mode. */
@RestController
@RequestMapping(path = "/v1/experiences", produces = "application/json")
class ExperienceController {

	private final Experiences experiences;

	ExperienceController(Experiences experiences) {
		this.experiences = experiences;
	}

	@GetMapping
	Page<ExperienceJson> list(Caller caller, PageQuery page, @RequestParam(required = false) @Nullable String type) {
		String itemType = QueryParams.oneOf("type", (type != null) ? type.trim().toLowerCase(Locale.ROOT) : null,
				Set.copyOf(Experience.ITEM_TYPES), null);
		return this.experiences.list(caller, page, itemType).map(ExperienceJson::of);
	}

	@GetMapping("/{id}")
	ExperienceJson get(Caller caller, @PathVariable String id) {
		return ExperienceJson.of(this.experiences.get(caller, id));
	}

	@PostMapping
	ResponseEntity<ExperienceJson> create(Caller caller, JsonBody body) {
		ExperienceJson created = ExperienceJson.of(this.experiences.create(caller, body.unwrap("experience")));
		return ResponseEntity.created(URI.create("/v1/experiences/" + created.prefixId())).body(created);
	}

	@PatchMapping("/{id}")
	ExperienceJson update(Caller caller, @PathVariable String id, JsonBody body) {
		return ExperienceJson.of(this.experiences.update(caller, id, body.unwrap("experience")));
	}

	@PutMapping("/{id}")
	ExperienceJson replace(Caller caller, @PathVariable String id, JsonBody body) {
		return update(caller, id, body);
	}

	@DeleteMapping("/{id}")
	Deleted delete(Caller caller, @PathVariable String id) {
		Object before = get(caller, id);
		this.experiences.delete(caller, id);
		return Deleted.of("experience", before);
	}

	/**
	 * An experience on the wire: the reference fields plus its content by type.
	 *
	 * @param image always null: images need file storage, which does not exist yet
	 */
	@WireSchema("Experience")
	record ExperienceJson(long id, String prefixId, boolean livemode, String name, String slug,
			@Nullable String description, String itemType, String typeForDisplay, String accessType,
			@Nullable Object image, ContentJson content, Instant createdAt, Instant updatedAt) {

		static ExperienceJson of(Experiences.Detailed detailed) {
			Experience experience = detailed.experience();
			return new ExperienceJson(experience.id(), experience.prefixId(), experience.livemode(), experience.name(),
					experience.slug(), experience.description(), experience.itemType(), experience.typeForDisplay(),
					experience.accessType(), null, ContentJson.of(experience, detailed.chapters(), detailed.files()),
					experience.createdAt(), experience.updatedAt());
		}

	}

	/** The content of an experience: only the fields of its type are present. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContentJson(@Nullable String bodyHtml, @Nullable String url, @Nullable String embedHtml,
			@Nullable List<Chapter> chapters, @Nullable List<FileJson> files) {

		static ContentJson of(Experience experience, List<Chapter> chapters, List<FileSummary> files) {
			return switch (experience.itemType()) {
				case Experience.WRITTEN -> new ContentJson(experience.bodyHtml(), null, null, null, null);
				case Experience.LINK -> new ContentJson(null, experience.url(), null, null, null);
				case Experience.EMBED -> new ContentJson(null, null, experience.embedHtml(), null, null);
				case Experience.COURSE -> new ContentJson(null, null, null, chapters, null);
				default -> new ContentJson(null, null, null, null, files.stream().map(FileJson::of).toList());
			};
		}

	}

	/** A file of a download experience: {@code fileId} is the file's prefixed id. */
	record FileJson(String fileId, String filename, String contentType, @Nullable Long size) {

		static FileJson of(FileSummary file) {
			return new FileJson(file.prefixId(), file.filename(), file.contentType(), file.size());
		}

	}

}
