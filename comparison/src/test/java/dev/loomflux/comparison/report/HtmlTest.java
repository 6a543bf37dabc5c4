package dev.loomflux.comparison.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

	@Test
	void shouldEscapeTextForElementsAndAttributes() {
		assertThat(Html.text("<b class=\"x\">Tom & 'Jerry'</b>"))
			.isEqualTo("&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;");
	}

	@Test
	void shouldWriteNullTextAsNotMeasured() {
		assertThat(Html.text(null)).isEqualTo("not measured");
	}

	@Test
	void shouldKeepEmbeddedJsonFromClosingItsScriptElement() {
		String json = Html.json(Map.of("note", "</script><!-- & \u2028"));

		assertThat(json).doesNotContain("</", "<!--", "&", "\u2028")
			.isEqualTo("{\"note\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"}");
	}

	@Test
	void shouldKeepAnInlinedScriptFromClosingItsElement() {
		assertThat(Html.inlineScript("var s = \"</SCRIPT>\"; // <!--")).isEqualTo("var s = \"<\\/SCRIPT>\"; // <\\!--");
	}

	@Test
	void shouldLinkOnlyRelativePaths() {
		assertThat(ScenarioSection.link("gatling/run-1/index.html"))
			.isEqualTo("<a href=\"gatling/run-1/index.html\">gatling/run-1/index.html</a>");
		assertThat(ScenarioSection.link("javascript:alert(1)")).isEqualTo("javascript:alert(1)");
		assertThat(ScenarioSection.link(null)).isEqualTo("none");
	}

}
