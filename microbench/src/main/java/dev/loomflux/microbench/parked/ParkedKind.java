package dev.loomflux.microbench.parked;

/** The three kinds of waiting task of claim C7, by their report names. */
enum ParkedKind {

	VIRTUAL_THREAD("virtual-thread"),

	PLATFORM_THREAD("platform-thread"),

	REACTOR_PENDING("reactor-pending");

	private final String reportName;

	ParkedKind(String reportName) {
		this.reportName = reportName;
	}

	String reportName() {
		return this.reportName;
	}

	static ParkedKind of(String reportName) {
		for (ParkedKind kind : values()) {
			if (kind.reportName.equals(reportName)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown kind " + reportName);
	}

	ParkedTasks park(int count) throws InterruptedException {
		return switch (this) {
			case VIRTUAL_THREAD -> new ParkedThreads(Thread.ofVirtual().factory(), count);
			case PLATFORM_THREAD -> new ParkedThreads(Thread.ofPlatform().factory(), count);
			case REACTOR_PENDING -> new PendingMonos(count);
		};
	}

}
