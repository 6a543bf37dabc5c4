package dev.loomflux.comparison.report;

import java.util.ArrayList;
import java.util.List;

import dev.loomflux.comparison.figures.Format;

/** The page being written: its HTML body and the charts its script will draw. */
final class Page {

	private final StringBuilder body = new StringBuilder();

	private final List<Chart> charts = new ArrayList<>();

	/**
	 * Appends trusted markup; anything from the results goes through {@link Html#text}.
	 */
	Page html(String markup) {
		this.body.append(markup).append('\n');
		return this;
	}

	Page section(String id, String title) {
		return html("<section id=\"" + Html.text(id) + "\"><h2>" + Html.text(title) + "</h2>");
	}

	Page endSection() {
		return html("</section>");
	}

	Page paragraph(String text) {
		return html("<p>" + Html.text(text) + "</p>");
	}

	/** A table of plain-text cells; every cell is escaped. */
	Page table(List<String> header, List<List<String>> rows) {
		StringBuilder table = new StringBuilder("<div class=\"scroll\"><table><thead><tr>");
		header.forEach((cell) -> table.append("<th>").append(Html.text(cell)).append("</th>"));
		table.append("</tr></thead><tbody>");
		for (List<String> row : rows) {
			table.append("<tr>");
			row.forEach((cell) -> table.append(cell(cell)));
			table.append("</tr>");
		}
		return html(table.append("</tbody></table></div>").toString());
	}

	private static String cell(String text) {
		String css = Format.NOT_MEASURED.equals(text) ? " class=\"missing\"" : "";
		return "<td" + css + ">" + Html.text(text) + "</td>";
	}

	/** A canvas for the chart, and its notes below it. */
	Page chart(Chart chart) {
		this.charts.add(chart);
		StringBuilder figure = new StringBuilder("<figure class=\"chart\"><figcaption>")
			.append(Html.text(chart.title()))
			.append("</figcaption><div class=\"canvas\"><canvas id=\"")
			.append(Html.text(chart.id()))
			.append("\"></canvas></div>");
		for (String note : chart.notes()) {
			figure.append("<p class=\"note\">").append(Html.text(note)).append("</p>");
		}
		return html(figure.append("</figure>").toString());
	}

	Page charts(List<Chart> charts) {
		html("<div class=\"grid\">");
		charts.forEach(this::chart);
		return html("</div>");
	}

	String body() {
		return this.body.toString();
	}

	List<Chart> charts() {
		return List.copyOf(this.charts);
	}

}
