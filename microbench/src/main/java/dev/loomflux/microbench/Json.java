package dev.loomflux.microbench;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the module: record order kept, so the file reads like its spec.
 */
public final class Json {

	/**
	 * Jackson 3 sorts properties alphabetically by default; the report keeps record
	 * order.
	 */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private Json() {
	}

}
