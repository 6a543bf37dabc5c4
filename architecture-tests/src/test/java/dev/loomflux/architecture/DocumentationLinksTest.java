package dev.loomflux.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's links, checked: every relative link and image in the repository's
 * Markdown (README.md, docs/ with the published runs, each module's) leads to a file that
 * exists, and a link with a fragment to a heading of that file, by GitHub's rule for a
 * heading's id. The code's comments and the docs' prose name sections too, in two ways,
 * checked alike in every text file: a path with a fragment ({@code docs/<file>.md#<id>})
 * and a path followed by a section's title in quotes ({@code docs/<file>.md, "<title>"}:
 * a heading of that file starts with it). Moving, splitting or renaming a section then
 * fails here, in the commit that does it, instead of in a reader's browser.
 * <p>
 * It reads the files, from the repository's root: the local runs under {@code results/}
 * and build output are not the project's documentation and are skipped.
 */
class DocumentationLinksTest {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/** Directories that are not the project's sources or documentation. */
	private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules", ".mvn");

	/** Files that name sections in prose or comments. */
	private static final Pattern TEXT_FILE = Pattern.compile(".*\\.(java|md|ya?ml|sh|xml|properties)$");

	/** A link with a scheme (https:, mailto:) leaves the repository: not checked here. */
	private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

	/** {@code docs/x.md#id}, with any {@code ../} before it. */
	private static final Pattern PATH_WITH_ID = Pattern
		.compile("(?<![\\w/.-])(?:\\.\\./)*(docs/[\\w./-]+\\.md)#([\\w-]+)");

	/** {@code docs/x.md, "Title"}: the title of one of its sections. */
	private static final Pattern PATH_WITH_TITLE = Pattern
		.compile("(?<![\\w/.-])(?:\\.\\./)*(docs/[\\w./-]+\\.md), \"([^\"]+)\"");

	/** An HTML element's link, in a Markdown file's raw HTML. */
	private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

	/** An HTML anchor of its own ({@code <a id="c1">}), which a fragment may name too. */
	private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

	/**
	 * A line break and what continues a comment or a quote on the next line, so that a
	 * reference broken over two lines reads as one.
	 */
	private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*(?:\\*(?!/)|//|#+|>)?\\s*");

	private final Parser markdown = Parser.builder().build();

	private final Map<Path, Document> documents = new HashMap<>();

	@Test
	void everyMarkdownLinkLeadsToAFileAndAHeadingThatExist() {
		List<String> broken = new ArrayList<>();
		for (Path file : files((path) -> path.toString().endsWith(".md"))) {
			for (String destination : document(file).links()) {
				// a fragment alone names a heading of this file
				String link = destination.startsWith("#") ? file.getFileName() + destination : destination;
				String problem = problem(file.getParent(), link);
				if (problem != null) {
					broken.add(ROOT.relativize(file) + ": (" + destination + ") " + problem);
				}
			}
		}
		assertThat(broken).as("links that lead nowhere").isEmpty();
	}

	@Test
	void everySectionNamedInProseOrCommentsExists() {
		List<String> broken = new ArrayList<>();
		// this file's own examples name sections that are not there, on purpose
		for (Path file : files((path) -> TEXT_FILE.matcher(path.getFileName().toString()).matches()
				&& !path.endsWith(Path.of("dev/loomflux/architecture/DocumentationLinksTest.java")))) {
			String text = LINE_BREAK.matcher(read(file)).replaceAll(" ");
			Matcher withId = PATH_WITH_ID.matcher(text);
			while (withId.find()) {
				String problem = problem(ROOT, withId.group(1) + "#" + withId.group(2));
				if (problem != null) {
					broken.add(ROOT.relativize(file) + ": " + withId.group() + " " + problem);
				}
			}
			Matcher withTitle = PATH_WITH_TITLE.matcher(text);
			while (withTitle.find()) {
				Path target = ROOT.resolve(withTitle.group(1));
				String title = withTitle.group(2);
				if (!Files.isRegularFile(target)) {
					broken.add(ROOT.relativize(file) + ": " + withTitle.group() + " names no file");
				}
				else if (document(target).titles().stream().noneMatch((heading) -> heading.startsWith(title))) {
					broken.add(ROOT.relativize(file) + ": " + withTitle.group() + " names no heading of it");
				}
			}
		}
		assertThat(broken).as("sections named but not there").isEmpty();
	}

	@Test
	void findsTheHeadingsAndLinksItChecks() {
		// the rule above would pass on a repository whose Markdown it failed to read
		Document readme = document(ROOT.resolve("README.md"));
		assertThat(readme.links()).isNotEmpty();
		assertThat(document(ROOT.resolve("docs/comparison.md")).ids()).contains("machines", "the-floors",
				"the-servlet-container-tomcat-or-jetty-loom-jetty");
		assertThat(problem(ROOT, "docs/comparison.md#no-such-section")).isEqualTo("has no heading with that id");
		assertThat(problem(ROOT, "docs/no-such-file.md")).isEqualTo("leads to no file");
	}

	/**
	 * Why {@code destination}, relative to {@code from}, leads nowhere; null if it leads
	 * somewhere.
	 */
	private String problem(Path from, String destination) {
		if (EXTERNAL.matcher(destination).matches()) {
			return null;
		}
		int hash = destination.indexOf('#');
		String path = URLDecoder.decode((hash >= 0) ? destination.substring(0, hash) : destination,
				StandardCharsets.UTF_8);
		int query = path.indexOf('?');
		path = (query >= 0) ? path.substring(0, query) : path;
		if (path.startsWith("/")) {
			return "is absolute: GitHub and a clone read it differently";
		}
		Path target = from.resolve(path).normalize();
		if (!path.isEmpty() && !Files.exists(target)) {
			return "leads to no file";
		}
		String id = (hash >= 0) ? destination.substring(hash + 1) : null;
		if (id == null || !target.toString().endsWith(".md")) {
			// an HTML report's fragments are its script's, not headings
			return null;
		}
		return document(target).ids().contains(id) ? null : "has no heading with that id";
	}

	private Document document(Path file) {
		return this.documents.computeIfAbsent(file.normalize(), (path) -> Document.read(this.markdown, path));
	}

	private static List<Path> files(java.util.function.Predicate<Path> wanted) {
		try (Stream<Path> walk = Files.walk(ROOT)) {
			return walk.filter((path) -> ROOT.relativize(path).getNameCount() > 0)
				.filter((path) -> !skipped(ROOT.relativize(path)))
				.filter(Files::isRegularFile)
				.filter(wanted)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Build output anywhere, and the local runs at the root (docs/results/ is published).
	 */
	private static boolean skipped(Path relative) {
		for (Path part : relative) {
			if (NOT_SOURCES.contains(part.toString())) {
				return true;
			}
		}
		return relative.getName(0).toString().equals("results");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One Markdown file as this test sees it.
	 *
	 * @param links the destinations of its links, images and raw HTML links
	 * @param ids its headings' ids as GitHub makes them, and its HTML anchors
	 * @param titles its headings' text
	 */
	private record Document(List<String> links, Set<String> ids, List<String> titles) {

		static Document read(Parser parser, Path file) {
			Node root = parser.parse(DocumentationLinksTest.read(file));
			List<String> links = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			List<String> titles = new ArrayList<>();
			// one generator per document: it numbers repeated headings (-1, -2) as GitHub
			// does
			IdGenerator idGenerator = IdGenerator.builder().build();
			root.accept(new AbstractVisitor() {

				@Override
				public void visit(Heading heading) {
					String title = text(heading);
					titles.add(title);
					ids.add(idGenerator.generateId(title));
					// an anchor of its own inside the heading
					visitChildren(heading);
				}

				@Override
				public void visit(Link link) {
					links.add(link.getDestination());
					visitChildren(link);
				}

				@Override
				public void visit(Image image) {
					links.add(image.getDestination());
				}

				@Override
				public void visit(HtmlBlock html) {
					html(html.getLiteral());
				}

				@Override
				public void visit(HtmlInline html) {
					html(html.getLiteral());
				}

				private void html(String literal) {
					HTML_LINK.matcher(literal).results().forEach((link) -> links.add(link.group(1)));
					HTML_ID.matcher(literal).results().forEach((anchor) -> ids.add(anchor.group(1)));
				}

			});
			return new Document(links, ids, titles);
		}

		/** A heading's text as its id is made from: its text and code spans, in order. */
		private static String text(Heading heading) {
			StringBuilder text = new StringBuilder();
			heading.accept(new AbstractVisitor() {

				@Override
				public void visit(Text node) {
					text.append(node.getLiteral());
				}

				@Override
				public void visit(Code node) {
					text.append(node.getLiteral());
				}

			});
			return text.toString();
		}

	}

}
