package dev.loomflux.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * shared-domain's {@code openapi.yaml}, the contract: every reply a contract test
 * receives is checked against the operation it answers (status declared, headers, body
 * schema with no undeclared fields).
 */
public final class OpenApiContract {

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForInlineApiSpecification(readContract())
		.build();

	private OpenApiContract() {
	}

	/** The text of the contract; the validator cannot load a URL inside a jar. */
	private static String readContract() {
		try (InputStream contract = OpenApiContract.class.getResourceAsStream("/openapi.yaml")) {
			return new String(contract.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * GETs {@code path} and fails the test unless the answer conforms to the contract.
	 */
	public static HttpApi.Reply checkedGet(HttpApi api, String path) {
		HttpApi.Reply reply = api.get(path);
		assertConforms("GET", path, reply);
		return reply;
	}

	/**
	 * Fails the test unless {@code reply} is a valid answer to {@code method path} in the
	 * contract.
	 */
	public static void assertConforms(String method, String path, HttpApi.Reply reply) {
		SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
		if (reply.contentType() != null) {
			response.withContentType(reply.contentType());
		}
		if (reply.body().length > 0) {
			response.withBody(reply.text());
		}
		for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
			if (header.getKey() != null && !header.getKey().equalsIgnoreCase("content-type")) {
				response.withHeader(header.getKey(), header.getValue());
			}
		}
		String rawPath = URI.create(path).getRawPath();
		ValidationReport report = VALIDATOR.validateResponse(rawPath, Request.Method.valueOf(method), response.build());
		assertThat(report.getMessages()).as("%s %s answered %s, which breaks openapi.yaml", method, path, reply)
			.filteredOn((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.isEmpty();
	}

}
