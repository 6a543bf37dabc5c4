package dev.loomflux.bff.security;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.loomflux.bff.system.BffProperties;

/**
 * The issuer's key set (JWKS), fetched on the first token and kept for
 * {@code jwks-cache-ttl}; a token whose key is not in it fetches it again at once (the
 * issuer rotated its keys), but at most once per {@code jwks-refetch-min-interval}, so
 * that tokens with made-up key ids cannot make every request call the issuer. The fetch
 * blocks the request's virtual thread; service-reactive's {@code JwksCache} keeps the
 * same rules over WebClient.
 */
class JwksCache implements JWKSource<SecurityContext> {

	private final URI uri;

	private final BffProperties.Security settings;

	private final DefaultResourceRetriever retriever;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile Fetched current;

	JwksCache(BffProperties.Security settings) {
		this.uri = URI.create(settings.jwksUri());
		this.settings = settings;
		int timeout = (int) settings.jwksTimeout().toMillis();
		// a key set is a few KB; a bigger answer is not one
		this.retriever = new DefaultResourceRetriever(timeout, timeout, 64 * 1024);
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
		Fetched fetched = keys(null);
		List<JWK> keys = selector.select(fetched.keys());
		if (keys.isEmpty() && fetched.olderThan(this.settings.jwksRefetchMinInterval())) {
			keys = selector.select(keys(fetched).keys());
		}
		return keys;
	}

	/**
	 * The cached key set, or a new fetch when there is none, it is too old, or it is
	 * {@code stale} (a key was not found in it). One request fetches at a time; those
	 * waiting for it take its result.
	 */
	private Fetched keys(Fetched stale) throws KeySourceException {
		Fetched seen = this.current;
		if (seen != null && seen != stale && !seen.olderThan(this.settings.jwksCacheTtl())) {
			return seen;
		}
		this.lock.lock();
		try {
			// another request may have fetched it while this one waited
			if (this.current != seen) {
				return this.current;
			}
			this.current = new Fetched(fetch(), System.nanoTime());
			return this.current;
		}
		finally {
			this.lock.unlock();
		}
	}

	private JWKSet fetch() throws KeySourceException {
		try {
			return JWKSet.parse(this.retriever.retrieveResource(this.uri.toURL()).getContent());
		}
		catch (IOException | ParseException ex) {
			throw new KeySourceException("Cannot fetch the issuer's key set from " + this.uri, ex);
		}
	}

	private record Fetched(JWKSet keys, long atNanos) {

		boolean olderThan(Duration age) {
			return System.nanoTime() - this.atNanos >= age.toNanos();
		}

	}

}
