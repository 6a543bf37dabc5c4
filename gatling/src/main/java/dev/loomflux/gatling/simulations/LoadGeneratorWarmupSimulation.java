package dev.loomflux.gatling.simulations;

import dev.loomflux.gatling.endpoints.StubCalls;
import dev.loomflux.gatling.recording.Recording;

/**
 * Warms the load generator, not a service: open-model steps of the stub's call counter,
 * through the same injection, connection pool and recorder as every measured scenario, so
 * that Gatling's engine and the recorder are compiled before the first measured step. The
 * plan's base URL is the stub's.
 */
public class LoadGeneratorWarmupSimulation extends PlannedSimulation {

	{
		setUp(Recording.clock(),
				population("load-generator warm-up", Recording.timed("stub-calls", StubCalls.calls()), OPEN_STEPS));
	}

}
