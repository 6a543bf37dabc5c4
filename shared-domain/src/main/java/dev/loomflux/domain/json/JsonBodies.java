package dev.loomflux.domain.json;

import java.util.ArrayList;
import java.util.List;

import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies. The services hand the raw bytes here instead of letting MVC or
 * WebFlux bind them, so that both accept exactly the same JSON and refuse the rest with
 * the same problem: syntax errors are {@code MALFORMED_REQUEST}; unknown fields, wrong
 * types and missing values are {@code VALIDATION_FAILED} naming the field. Strict on
 * purpose: no coercion of strings or floats to numbers, no duplicate keys.
 */
public final class JsonBodies {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private JsonBodies() {
	}

	/**
	 * The body as the given record.
	 * @throws ApiException {@code MALFORMED_REQUEST} or {@code VALIDATION_FAILED}
	 */
	public static <T> T read(byte[] body, Class<T> type) {
		if (body == null || body.length == 0) {
			throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The request body is empty.");
		}
		T value;
		try {
			value = STRICT.readValue(body, type);
		}
		catch (UnrecognizedPropertyException ex) {
			throw ApiException.validation(path(ex), "is not a known field");
		}
		catch (InputCoercionException ex) {
			throw ApiException.validation(currentName(ex), "is out of range");
		}
		catch (MismatchedInputException ex) {
			throw ApiException.validation(path(ex), "has the wrong type or is missing");
		}
		catch (StreamReadException ex) {
			throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON.");
		}
		catch (DatabindException ex) {
			throw ApiException.validation(path(ex), "is invalid");
		}
		catch (JacksonException ex) {
			throw new ApiException(ErrorCode.MALFORMED_REQUEST, "The request body could not be read.");
		}
		if (value == null) {
			// the JSON literal null: valid JSON, but no object
			throw ApiException.validation("body", "has the wrong type or is missing");
		}
		return value;
	}

	/**
	 * Builds and caches the deserializers of these body types now. Jackson builds a
	 * type's deserializer on first use under a lock; the services call this while they
	 * start, so that the first requests, arriving together on several event loops, never
	 * park one of them on that lock (BlockHound caught it).
	 */
	public static void prepare(Class<?>... types) {
		for (Class<?> type : types) {
			STRICT.readerFor(type);
		}
	}

	/** Throws {@code VALIDATION_FAILED} with every violation, if there are any. */
	public static void requireValid(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw ApiException.validation(new ArrayList<>(violations));
		}
	}

	/**
	 * A field path such as {@code items[2].quantity}, or {@code body} for the document
	 * itself.
	 */
	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String currentName(InputCoercionException ex) {
		try {
			String name = (ex.processor() != null) ? ex.processor().currentName() : null;
			return (name != null) ? name : "body";
		}
		catch (RuntimeException unavailable) {
			return "body";
		}
	}

}
