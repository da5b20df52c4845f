package dev.storekeeper.platform.web;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.storekeeper.support.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat refuses before the application sees them (a request line with
 * characters RFC 3986 forbids, a parameter that is not UTF-8) leave no checkout or access
 * secret in the log of a server started as in production.
 */
class RequestLineLogIntegrationTests {

	@Test
	void malformedRequestsOnSecretRoutesLeaveNoSecretInTheLog(@TempDir Path dataDir) throws Exception {
		String secret = "cs_NeverLogged" + UUID.randomUUID().toString().replace("-", "");
		try (ServerProcess server = ServerProcess.start("request-line-log", dataDir, Map.of())) {
			URI base = URI.create(server.http().base());
			for (String target : List.of("/checkout/" + secret + "?a={", "/access/" + secret + "|",
					"/v1/client/checkouts/" + secret + "?x=^", "/checkout/" + secret + "?s=" + secret + "%ff")) {
				try (Socket socket = new Socket(base.getHost(), base.getPort())) {
					OutputStream out = socket.getOutputStream();
					out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
					out.flush();
					String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
					assertThat(status).as(target).isEqualTo("HTTP/1.1 400");
				}
			}
			server.stop();
			String log = Files.readString(Path.of("target", "server-processes", "request-line-log.log"),
					StandardCharsets.UTF_8);
			assertThat(log).contains("Started").doesNotContain(secret.substring(3));
		}
	}

}
