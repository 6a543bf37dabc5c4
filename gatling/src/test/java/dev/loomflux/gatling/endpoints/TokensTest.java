package dev.loomflux.gatling.endpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TokensTest {

	@AfterEach
	void forgetTheFile() {
		System.clearProperty(Tokens.FILE);
	}

	@Test
	void shouldReadTheTokensTheRunMintedOnceInsteadOfAskingTheIssuerAgain(@TempDir Path folder) throws Exception {
		Path minted = folder.resolve("tokens.json");
		Files.writeString(minted, "[\"token-of-1\",\"token-of-2\",\"token-of-3\"]");
		System.setProperty(Tokens.FILE, minted.toString());

		// an issuer nobody listens on: it is never asked
		List<String> tokens = Tokens.load("http://127.0.0.1:1/test-issuer", 3);

		assertThat(tokens).containsExactly("token-of-1", "token-of-2", "token-of-3");
		assertThat(Tokens.of(2)).isEqualTo("token-of-2");
		Path saved = folder.resolve("again.json");
		Tokens.save(saved);
		assertThat(Files.readString(saved)).isEqualTo(Files.readString(minted));
		assertThatIllegalStateException().isThrownBy(() -> Tokens.load("http://127.0.0.1:1/test-issuer", 4))
			.withMessageContaining("3 tokens for 4 customers");
	}

}
