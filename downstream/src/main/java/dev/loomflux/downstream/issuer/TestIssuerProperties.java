package dev.loomflux.downstream.issuer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The TEST issuer's settings ({@code downstream.test-issuer.*}): the {@code iss} and
 * {@code aud} it puts in tokens, which must be what the services expect
 * ({@code bff.security.*} in shared-domain's {@code loomflux-common.yaml}), and how long
 * its tokens live unless asked otherwise.
 *
 * @param issuer the {@code iss} of every token
 * @param audience the {@code aud} of every token
 * @param tokenTtl how long a token is valid
 */
@ConfigurationProperties("downstream.test-issuer")
public record TestIssuerProperties(String issuer, String audience, Duration tokenTtl) {
}
