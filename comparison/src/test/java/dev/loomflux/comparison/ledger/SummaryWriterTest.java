package dev.loomflux.comparison.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.loomflux.comparison.results.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.loomflux.comparison.ledger.Fixtures.openOk;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTest {

	@Test
	void shouldWriteTheConditionsTheLedgerTheThresholdsTheScenariosAndTheNotes(@TempDir Path dir) throws Exception {
		Results results = new Fixtures().footprint("loom", 200e6)
			.footprint("reactive", null)
			.run("catalog-read", "loom", openOk(100, 10), openOk(200, 500))
			.run("catalog-read", "reactive", openOk(100, 10), openOk(200, 20))
			.build();
		Path file = dir.resolve("summary.md");
		SummaryWriter.write(results, file);
		String md = Files.readString(file);
		assertThat(md).startsWith("# ")
			.contains("Profile **quick**", "commit abc1234", "JDK 25.0.1", "CPU(s) 1", "load average 0.30")
			.contains("| claim | source | experiment | figures per variant | verdict | why |")
			.containsPattern("\\| \\*\\*\\[C4\\]\\([^)]*docs/claims\\.md#c4\\)\\*\\* ")
			.containsPattern("\\| \\*\\*\\[C14\\]\\([^)]*docs/claims\\.md#c14\\)\\*\\* ")
			.contains("## Thresholds", "## Scenarios", "### catalog-read", "## Notes", "a note of the run")
			.containsPattern("- \\[C4\\]\\([^)]*docs/claims\\.md#c4\\): ");
		assertThat(md).contains("| loom | 100/s |").contains("| reactive | >= 200/s |");
		assertThat(md).contains("**reactive**: base memory not measured");
		assertThat(md).contains("| platform | not measured |");
		assertThat(md).doesNotContain("null");
	}

	@Test
	void shouldLinkEveryClaimToItsSectionOfTheClaimsDocWhereverTheRunIsWritten(@TempDir Path dir) throws Exception {
		Path folder = Files.createDirectories(dir.resolve("elsewhere").resolve("20261201-120000-quick"));
		Path file = folder.resolve("summary.md");
		SummaryWriter.write(new Fixtures().build(), file);
		String md = Files.readString(file);

		Matcher links = Pattern.compile("\\| \\*\\*\\[(C\\d+)\\]\\(([^)#]+)#(c\\d+)\\)\\*\\* ").matcher(md);
		List<String> ids = new ArrayList<>();
		while (links.find()) {
			ids.add(links.group(1));
			Path doc = folder.resolve(links.group(2)).normalize();
			assertThat(doc).as("the link of " + links.group(1)).isRegularFile().hasFileName("claims.md");
			assertThat(links.group(3)).isEqualTo(links.group(1).toLowerCase(Locale.ROOT));
			assertThat(Files.readAllLines(doc)).as("a section for " + links.group(1)).contains("## " + links.group(1));
		}
		assertThat(ids).hasSize(14);
		assertThat(SummaryWriter.render(new Fixtures().build())).contains("| **[C1](../../docs/claims.md#c1)** ");
	}

	@Test
	void shouldSaySmokeRunNoVerdictsInsteadOfTheLedgerWhenTheProfileWithholdsThem() {
		Results results = new Fixtures().withoutVerdicts()
			.run("catalog-read", "loom", openOk(100, 10))
			.run("catalog-read", "reactive", openOk(100, 10))
			.build();

		String md = SummaryWriter.render(results);

		assertThat(md).contains("## Claims ledger\n\nSmoke run: no verdicts.", "### catalog-read", "## Notes")
			.doesNotContain("| claim |", "## Thresholds", "[C1]", "supported", "refuted", "it depends");
	}

	@Test
	void shouldSayWhenTheLoadGeneratorWasBusyEnoughToLimitARun() {
		Results results = new Fixtures()
			.run("catalog-read", "loom", 1, java.util.Map.of("loadGeneratorCpuShare", 0.93), openOk(100, 10))
			.run("catalog-read", "reactive", 1, java.util.Map.of("loadGeneratorCpuShare", 0.4), openOk(100, 10))
			.build();

		String md = SummaryWriter.render(results);

		assertThat(md).contains(
				"catalog-read on loom (repeat 1): the load generator used 0.93 of its 1 core(s): its own CPU may have limited this run")
			.doesNotContain("catalog-read on reactive (repeat 1): the load generator");
	}

	@Test
	void shouldCountTheLoadCoresOfACpuList() {
		assertThat(SummaryWriter.loadCores("0")).isEqualTo(1);
		assertThat(SummaryWriter.loadCores("0-1")).isEqualTo(2);
		assertThat(SummaryWriter.loadCores("0,2-3")).isEqualTo(3);
		assertThat(SummaryWriter.loadCores(null)).isEqualTo(1);
	}

	@Test
	void shouldKeepEveryLedgerRowOnOneTableLine() {
		String md = SummaryWriter.render(new Fixtures().build());
		long rows = md.lines().filter((line) -> line.startsWith("| **[C")).count();
		assertThat(rows).isEqualTo(14);
		assertThat(md.lines().filter((line) -> line.startsWith("| **[C")))
			.allSatisfy((line) -> assertThat(line).endsWith(" |").contains("**not measured**"));
	}

}
