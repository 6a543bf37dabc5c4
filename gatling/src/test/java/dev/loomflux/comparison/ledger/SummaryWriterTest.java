package dev.loomflux.comparison.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

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
			.contains("| **C4** ", "| **C14** ")
			.contains("## Thresholds", "- C4: ", "## Scenarios", "### catalog-read", "## Notes", "a note of the run");
		assertThat(md).contains("| loom | 100/s |").contains("| reactive | >= 200/s |");
		assertThat(md).contains("**reactive**: idle RSS not measured");
		assertThat(md).contains("| platform | not measured |");
		assertThat(md).doesNotContain("null");
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
		long rows = md.lines().filter((line) -> line.startsWith("| **C")).count();
		assertThat(rows).isEqualTo(14);
		assertThat(md.lines().filter((line) -> line.startsWith("| **C")))
			.allSatisfy((line) -> assertThat(line).endsWith(" |").contains("**not measured**"));
	}

}
