package dev.loomflux.downstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TestIssuerTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void shouldMintTokensForACustomerThatItsPublishedKeyVerifies() throws Exception {
		RSAKey key = JWKSet.parse(send("GET", "/test-issuer/jwks").body()).getKeys().getFirst().toRSAKey();
		JsonNode minted = JsonMapper.builder().build().readTree(send("POST", "/test-issuer/token?sub=7").body());

		SignedJWT token = SignedJWT.parse(minted.get("access_token").asString());

		assertThat(key.isPrivate()).as("only the public key is published").isFalse();
		assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("7");
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("urn:loomflux:test-issuer");
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("loomflux-bff");
		assertThat(minted.get("token_type").asString()).isEqualTo("Bearer");
	}

	@Test
	void shouldMintTokensForCustomersOneToCountInOrderAndRefuseBadRequests() throws Exception {
		JsonNode tokens = JsonMapper.builder().build().readTree(send("POST", "/test-issuer/tokens?count=3").body());

		assertThat(tokens.size()).isEqualTo(3);
		assertThat(SignedJWT.parse(tokens.get(2).asString()).getJWTClaimsSet().getSubject()).isEqualTo("3");
		assertThat(send("POST", "/test-issuer/tokens?count=0").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/test-issuer/token").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/test-issuer/token?sub=7&expiresIn=x").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
