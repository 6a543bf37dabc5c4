package dev.loomflux.comparison.report;

import tools.jackson.databind.SerializationFeature;

import dev.loomflux.comparison.figures.Format;
import dev.loomflux.comparison.results.ResultsJson;

/** Escaping for the two places text goes into the page: HTML and embedded JSON. */
final class Html {

	private Html() {
	}

	/** Text for element content and attribute values; null becomes "not measured". */
	static String text(String text) {
		if (text == null) {
			return Format.NOT_MEASURED;
		}
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * JSON that is safe inside a {@code <script>} element: {@code <}, {@code >} and
	 * {@code &} only occur inside JSON strings, where their {@code \\u} escapes mean the
	 * same, so no {@code </script>} or {@code <!--} can end the element early. U+2028 and
	 * U+2029 are escaped for older JavaScript parsers.
	 */
	static String json(Object value) {
		String json = ResultsJson.mapper()
			.writer()
			.without(SerializationFeature.INDENT_OUTPUT)
			.writeValueAsString(value);
		return json.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

	/**
	 * A script's source made safe to inline: {@code </script} can only occur inside a
	 * JavaScript string, regular expression or comment, where {@code <\/script} means the
	 * same.
	 */
	static String inlineScript(String source) {
		return source.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\!--");
	}

}
