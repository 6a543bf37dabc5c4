package dev.loomflux.comparison.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Chart.js from its webjar on the classpath, to inline into the page. The version is read
 * from the webjar's own pom.properties, so comparison/pom.xml is the one place that names
 * it. The bundle's MIT licence banner ({@code /*! ... *\/}) is kept as it is, and the
 * licence text is added in front of it.
 */
final class ChartJs {

	private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

	private ChartJs() {
	}

	static String version() {
		Properties properties = new Properties();
		try (InputStream in = open(POM_PROPERTIES)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("version");
	}

	/** The licence as a comment, then the UMD bundle, safe to put in a script element. */
	static String script() {
		String base = "META-INF/resources/webjars/chart.js/" + version() + "/";
		String licence = read(base + "LICENSE.md").replace("*/", "* /");
		return "/*! Chart.js " + version() + ", inlined from its webjar.\n" + licence + "\n*/\n"
				+ Html.inlineScript(read(base + "dist/chart.umd.js"));
	}

	private static String read(String resource) {
		try (InputStream in = open(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(String resource) throws IOException {
		InputStream in = ChartJs.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IOException(
					resource + " is not on the classpath (org.webjars.npm:chart.js in comparison/pom.xml)");
		}
		return in;
	}

}
