package dev.loomflux.comparison.report;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chart of the invented report, rendered to PNG by headless Chromium (skipped without
 * one, as {@link ReportPageBrowserTest} is): an image of the window's size with the chart
 * drawn on it, not a blank page.
 */
class ChartImagesTest {

	@TempDir
	Path dir;

	@Test
	void shouldListEveryChartOfTheReportInPageOrder() throws Exception {
		Path page = this.dir.resolve("report.html");
		ReportPage.write(ReportFixture.results(), page);

		List<ChartImages.Chart> charts = ChartImages.charts(page);

		assertThat(charts).hasSizeGreaterThan(ReportFixture.SCENARIOS * 7);
		assertThat(charts.getFirst().id()).isEqualTo("catalog-read-throughput");
		assertThat(charts.getFirst().section()).isEqualTo("Scenario: catalog-read");
		assertThat(charts.getLast().id()).isEqualTo("code-lines");
		assertThat(charts.getLast().section()).isEqualTo("Code metrics: the same features, written twice");
		assertThat(charts).allSatisfy((chart) -> assertThat(chart.title()).isNotBlank());
		assertThat(charts.stream().map(ChartImages.Chart::id)).doesNotHaveDuplicates().contains("home-fanout-p99");
	}

	@Test
	void shouldRenderOneChartAsAPngThatShowsIt() throws Exception {
		Chromium chromium = ReportPageBrowserTest.chromium();
		Path page = this.dir.resolve("report.html");
		ReportPage.write(ReportFixture.results(), page);
		Path png = this.dir.resolve("catalog-read-throughput.png");

		ChartImages.render(chromium, page, "catalog-read-throughput", png);

		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(image).as("a PNG ImageIO can read").isNotNull();
		assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
		assertThat(image.getHeight()).isEqualTo(ChartImages.HEIGHT);
		assertThat(Files.size(png)).isGreaterThan(5_000);
		assertThat(luminanceVariance(image)).as("not blank").isPositive();
		assertThat(pixels(image, 0x1b9e77)).as("pixels in loom's colour: its line was drawn").isGreaterThan(100);
	}

	private static double luminanceVariance(BufferedImage image) {
		double sum = 0;
		double squares = 0;
		int count = image.getWidth() * image.getHeight();
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				double luminance = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
				sum += luminance;
				squares += luminance * luminance;
			}
		}
		double mean = sum / count;
		return squares / count - mean * mean;
	}

	private static long pixels(BufferedImage image, int rgb) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xffffff) == rgb) {
					count++;
				}
			}
		}
		return count;
	}

}
