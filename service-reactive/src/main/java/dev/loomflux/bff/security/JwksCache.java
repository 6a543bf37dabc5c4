package dev.loomflux.bff.security;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import dev.loomflux.bff.system.BffProperties;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The issuer's key set (JWKS), fetched on the first token and kept for
 * {@code jwks-cache-ttl}; a token whose key is not in it fetches it again at once (the
 * issuer rotated its keys), but at most once per {@code jwks-refetch-min-interval}, so
 * that tokens with made-up key ids cannot make every request call the issuer. The fetch
 * is a WebClient call that holds no thread; service-loom's {@code JwksCache} keeps the
 * same rules with a blocking fetch.
 */
class JwksCache {

	/** A key set is a few KB; a bigger answer is not one. */
	private static final int MAX_SIZE = 64 * 1024;

	private final BffProperties.Security settings;

	private final WebClient client;

	private final AtomicReference<Fetched> current = new AtomicReference<>();

	JwksCache(BffProperties.Security settings) {
		this.settings = settings;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.jwksTimeout().toMillis())
			.responseTimeout(settings.jwksTimeout());
		this.client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_SIZE))
			.build();
	}

	/** The keys that match, after one fetch of the key set if none did. */
	Mono<List<JWK>> get(JWKSelector selector) {
		Fetched fetched = keys(null);
		return fetched.keys().flatMap((keys) -> {
			List<JWK> matching = selector.select(keys);
			if (matching.isEmpty() && fetched.olderThan(this.settings.jwksRefetchMinInterval())) {
				return keys(fetched).keys().map(selector::select);
			}
			return Mono.just(matching);
		});
	}

	/**
	 * The cached fetch, or a new one when there is none, it is too old, or it is
	 * {@code stale} (a key was not found in it). Only one caller replaces it; the others
	 * share the winner's fetch.
	 */
	private Fetched keys(Fetched stale) {
		Fetched seen = this.current.get();
		if (seen != null && seen != stale && !seen.olderThan(this.settings.jwksCacheTtl())) {
			return seen;
		}
		// a failed fetch is not kept: the next token tries again (Long.MAX_VALUE ms is
		// Reactor's "forever", with no timer; the age above decides)
		Fetched fresh = new Fetched(fetch().cache((keys) -> Duration.ofMillis(Long.MAX_VALUE), (error) -> Duration.ZERO,
				() -> Duration.ZERO), System.nanoTime());
		return this.current.compareAndSet(seen, fresh) ? fresh : this.current.get();
	}

	private Mono<JWKSet> fetch() {
		return this.client.get()
			.uri(this.settings.jwksUri())
			.retrieve()
			.bodyToMono(String.class)
			.map(JwksCache::parse)
			// a JwtException, not Nimbus's KeySourceException: Spring turns that one into
			// an
			// IllegalStateException, which escaped as a 500 instead of reaching the entry
			// point as a token that cannot be checked (503 ISSUER_UNAVAILABLE)
			.onErrorMap((ex) -> !(ex instanceof JwtException),
					(ex) -> new JwtException("Cannot fetch the issuer's key set from " + this.settings.jwksUri(), ex));
	}

	private static JWKSet parse(String body) {
		try {
			return JWKSet.parse(body);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a key set", ex);
		}
	}

	private record Fetched(Mono<JWKSet> keys, long atNanos) {

		boolean olderThan(Duration age) {
			return System.nanoTime() - this.atNanos >= age.toNanos();
		}

	}

}
