package dev.storekeeper.billing;

import java.net.URI;

import dev.storekeeper.platform.web.Caller;
import dev.storekeeper.platform.web.JsonBody;
import dev.storekeeper.platform.web.Page;
import dev.storekeeper.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/test_helpers/test_clocks}: test clocks of test mode, and their advance. */
@RestController
@RequestMapping(path = "/v1/test_helpers/test_clocks", produces = "application/json")
class TestClockController {

	private final TestClocks clocks;

	TestClockController(TestClocks clocks) {
		this.clocks = clocks;
	}

	@PostMapping
	ResponseEntity<TestClockJson> create(Caller caller, JsonBody body) {
		TestClockJson created = this.clocks.create(caller,
				body.isEmpty() ? dev.storekeeper.platform.web.Fields.of(java.util.Map.of()) : body.unwrap("testClock"));
		return ResponseEntity.created(URI.create("/v1/test_helpers/test_clocks/" + created.prefixId())).body(created);
	}

	@GetMapping
	Page<TestClockJson> list(Caller caller, PageQuery page) {
		return this.clocks.list(caller, page);
	}

	@GetMapping("/{id}")
	TestClockJson get(Caller caller, @PathVariable String id) {
		return this.clocks.get(caller, id);
	}

	@DeleteMapping("/{id}")
	TestClockJson delete(Caller caller, @PathVariable String id) {
		return this.clocks.delete(caller, id);
	}

	@PostMapping("/{id}/advance")
	TestClockJson advance(Caller caller, @PathVariable String id, JsonBody body) {
		return this.clocks.advance(caller, id, body.unwrap("testClock"));
	}

}
