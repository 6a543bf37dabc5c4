package dev.loomflux.comparison.ledger;

import dev.loomflux.comparison.scenario.ConcurrencySweep;
import dev.loomflux.comparison.scenario.CpuNeighbour;
import dev.loomflux.comparison.scenario.Mixed;

/**
 * The 14 claims: the text each ledger row quotes. docs/claims.md states each one with its
 * source, its experiment and its rule; the rule that decides a claim lives in the class
 * named in {@link Ledger}, one per claim.
 */
enum Claim {

	C1("Neither model lets the CPU idle while requests wait on I/O; neither needs a thread per waiting request.",
			"000, 002", "loom and reactive serve many more in-flight requests than they have OS threads",
			ConcurrencySweep.NAME),

	C2("One OS thread per request collapses at a few thousand concurrent connections; around 40,000 you run out of memory before CPU.",
			"000, 003",
			"changes the claim: `platform` is Tomcat's pool of 200 threads, so it collapses by queueing; the pool as large as the concurrency (collapse by memory) is not a variant of this run",
			ConcurrencySweep.NAME),

	C3("One event-loop thread can hold tens of thousands of concurrent connections.", "000, 001",
			"reactive on its few event-loop threads; capped here by bff.prices.max-streams and the open-file limit",
			"connections (SSE)"),

	C4("One CPU-bound task on the event loop stalls every other request until it returns.", "000, 001, 002",
			"changes the claim: Netty runs one loop per core, so a CPU task stalls the connections on its loop; offloading (`reactive`) is the escape hatch, `reactive-inline` the mistake",
			CpuNeighbour.NAME),

	C5("Under CPU load the M:N model keeps serving: the runtime preempts long tasks and runs others elsewhere.",
			"000, 001, 002",
			"changes the claim: JDK virtual threads are not time-sliced, a CPU-bound virtual thread keeps its carrier until it blocks; `platform` relies on the OS scheduler instead",
			CpuNeighbour.NAME),

	C6("Switching between suspended tasks costs about a function call and a stack swap, not a kernel thread switch.",
			"000", "virtual thread hand-off vs platform thread hand-off vs Reactor signal hand-off",
			"JMH microbenchmark"),

	C7("A suspended task is small (a goroutine starts at about 2 KB), so millions are possible.", "000, 001, 002",
			"a parked virtual thread (its stack is copied to the heap) vs a parked platform thread (its stack is native memory) vs a pending reactive request",
			"microbenchmark, concurrency-sweep"),

	C8("On I/O-bound work the two models are interchangeable.", "000", "loom vs reactive on the BFF fan-out",
			"home-fanout, catalog-read"),

	C9("For mixed CPU + I/O work the M:N model scales more gracefully; the event loop needs worker pools to cope.",
			"000", "loom vs reactive (offloaded) vs reactive-inline", Mixed.NAME),

	C10("Multiple cores are used natively by the M:N model; the event loop needs extra processes or workers.",
			"000, 001, 002",
			"changes the claim: on the JVM every variant uses the cores it is given (Netty runs one event loop per core), so the question becomes whether any variant leaves CPU idle",
			"cpu-neighbour (highest background)"),

	C11("An event-loop runtime carries a larger base memory than a lean M:N runtime.", "002",
			"changes the claim: both are JVMs with the same flags; only the libraries differ",
			"start-up and idle measurement"),

	C12("Thread-per-request wastes CPU on context switches and memory on stacks.", "003",
			"platform vs loom (reactive for context) at equal load", ConcurrencySweep.NAME),

	C13("Blocking-style code is simpler to write and read than callback or async composition.", "000, 001, 002, 003",
			"the two implementations of the same features, counted", "code comparison"),

	C14("For a massive server the M:N model is the better choice.", "003", "overall: loom vs reactive at scale", "all");

	final String text;

	final String source;

	final String translation;

	final String experiment;

	Claim(String text, String source, String translation, String experiment) {
		this.text = text;
		this.source = source;
		this.translation = translation;
		this.experiment = experiment;
	}

}
