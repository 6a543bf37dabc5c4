package dev.loomflux.comparison.scenario;

import java.util.Map;

/** Something a scenario checks before and after a run; its findings are run figures. */
public interface RunCheck {

	RunCheck NONE = new RunCheck() {
	};

	/** Before the load starts. */
	default void before() throws Exception {
	}

	/** After the load ended: figures of the run. */
	default Map<String, Double> after() throws Exception {
		return Map.of();
	}

}
