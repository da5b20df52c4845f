package dev.storekeeper.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.storekeeper.StorekeeperApplication;
import dev.storekeeper.support.ApiTest;
import dev.storekeeper.support.Http.Response;
import dev.storekeeper.support.Sellers.Seller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's commands, run as separate processes on the same database while this test's
 * server runs (on H2 they reach the server's database through its automatic server mode).
 */
class CommandsIntegrationTests extends ApiTest {

	record Run(int exit, String out, String err) {

		String lastLine() {
			String[] lines = this.out.strip().split("\n");
			return lines[lines.length - 1].strip();
		}

	}

	private Run run(String... args) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-cp", System.getProperty("java.class.path"), StorekeeperApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		Process process = builder.start();
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
				new String(err, StandardCharsets.UTF_8));
	}

	@Test
	void aTokenFromTheCommandWorksAtOnceAgainstTheRunningServer() throws Exception {
		Seller seller = this.sellers.create();
		Run run = run("token", "create", "--name", "From the CLI", "--mode", "live", "--access", "read", "--account",
				seller.account().subdomain());
		assertThat(run.exit()).as(run.err()).isZero();
		String token = run.lastLine();
		assertThat(token).matches("sk_live_[0-9A-Za-z]{38}");
		assertThat(run.err()).doesNotContain(token);

		Response account = this.http.as(token).get("/v1/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.at("/subdomain")).isEqualTo(seller.account().subdomain());
		assertThat(this.http.as(token).patch("/v1/account", "{\"name\":\"x\"}").status()).isEqualTo(403);
	}

	@Test
	void accountsAreCreatedAndValidated() throws Exception {
		String subdomain = "cli" + System.nanoTime();
		Run created = run("account", "create", "--name", "CLI Shop", "--subdomain", subdomain);
		assertThat(created.exit()).as(created.err()).isZero();
		assertThat(created.lastLine()).isEqualTo(subdomain);

		Run taken = run("account", "create", "--name", "Again", "--subdomain", subdomain);
		assertThat(taken.exit()).isEqualTo(1);
		assertThat(taken.err()).contains("Subdomain has already been taken");

		Run token = run("token", "create", "--name", "t", "--account", subdomain);
		assertThat(this.http.as(token.lastLine()).get("/v1/account").at("/name")).isEqualTo("CLI Shop");
	}

	@Test
	void misuseExitsWithUsage() throws Exception {
		Run run = run("token", "create", "--mode", "sideways", "--name", "x");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("--mode must be live or test").contains("usage:");
		Run unknownAccount = run("token", "create", "--name", "x", "--account", "no-such-shop");
		assertThat(unknownAccount.exit()).isEqualTo(1);
		assertThat(unknownAccount.err()).contains("Account not found");
		assertThat(run("migrate").exit()).isZero();
	}

}
