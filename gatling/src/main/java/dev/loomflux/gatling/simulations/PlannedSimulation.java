package dev.loomflux.gatling.simulations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.loomflux.gatling.Plan;
import dev.loomflux.gatling.endpoints.ClientHeaders;
import dev.loomflux.gatling.endpoints.Tokens;
import dev.loomflux.gatling.recording.Recording;
import dev.loomflux.gatling.recording.Schedule;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * What every loomflux simulation shares: the plan of this run, the injection profiles by
 * name, the HTTP protocol, the recorder's start and end, and random feeders over the
 * seed's ids.
 */
abstract class PlannedSimulation extends Simulation {

	/** Each step a constant arrival rate (open model). */
	static final String OPEN_STEPS = "open-steps";

	/**
	 * Each step a number of users in flight, each repeating the chain on its own
	 * connection.
	 */
	static final String CLOSED_STEPS = "closed-steps";

	/** The seed's id ranges (V2__seed.sql): 10,000 customers and 10,000 products. */
	static final int CUSTOMERS = 10_000;

	/**
	 * Unanswered requests at which an open-model run stops: well below the 20,000 open
	 * files a process may have here, so the sockets run out in neither Gatling nor the
	 * service.
	 */
	static final int DEFAULT_MAX_IN_FLIGHT = 4000;

	final Plan plan = Plan.current();

	private String injection = OPEN_STEPS;

	/** The schedules of this simulation's open-model populations. */
	private final List<Schedule> schedules = new ArrayList<>();

	@Override
	public void before() {
		// closed-model users bound what is in flight themselves
		boolean open = !CLOSED_STEPS.equals(this.injection);
		Recording.start(this.plan,
				open ? this.plan.intParameter("maxInFlight", DEFAULT_MAX_IN_FLIGHT) : Integer.MAX_VALUE,
				this.schedules);
	}

	@Override
	public void after() {
		Recording.finish();
	}

	/**
	 * {@code chain} as a population injected by name: the plan's {@code injection} when
	 * it names one, else the simulation's own. Closed users repeat the chain until the
	 * plan ends.
	 */
	PopulationBuilder population(String name, ChainBuilder chain, String defaultInjection) {
		this.injection = (this.plan.injection() != null) ? this.plan.injection() : defaultInjection;
		return switch (this.injection) {
			case OPEN_STEPS -> scheduled(name, chain, Injections.openSteps(this.plan)).protocols(protocol(true));
			case CLOSED_STEPS -> scenario(name).exec(Injections.untilPlanEnds(this.plan, chain))
				.injectOpen(Injections.loopingUsers(this.plan, Plan.Step::concurrency))
				.protocols(protocol(false));
			default -> throw new IllegalArgumentException(
					"unknown injection " + this.injection + "; known: " + OPEN_STEPS + ", " + CLOSED_STEPS);
		};
	}

	/**
	 * {@code chain} as an open-model population injected by {@code steps}, each user
	 * knowing its intended start (Recording.arrival), so its request is timed from the
	 * schedule.
	 */
	PopulationBuilder scheduled(String name, ChainBuilder chain, List<OpenInjectionStep> steps) {
		Schedule schedule = Schedule.of(steps);
		this.schedules.add(schedule);
		return scenario(name).exec(Recording.arrival(schedule)).exec(chain).injectOpen(steps);
	}

	/**
	 * Open-model scenarios share a pool of keep-alive connections, as a BFF behind an API
	 * gateway sees them: opening a connection per request would measure TCP set-up and
	 * exhaust loopback ports. Closed-model users each keep their own connection, so in
	 * flight = connections.
	 */
	HttpProtocolBuilder protocol(boolean sharedConnections) {
		HttpProtocolBuilder protocol = http.baseUrl(this.plan.baseUrl())
			.acceptHeader(ClientHeaders.ACCEPT)
			.userAgentHeader(ClientHeaders.USER_AGENT);
		return sharedConnections ? protocol.shareConnections() : protocol;
	}

	/**
	 * Mints every customer's token before the first request (Tokens), for the scenarios
	 * that open customers' pages; without an issuer (a test's own server) there is none.
	 */
	static void signInCustomers() {
		String issuer = System.getProperty(Tokens.ISSUER);
		if (issuer != null) {
			Tokens.load(issuer, CUSTOMERS);
		}
	}

	static Iterator<Map<String, Object>> feeder(Supplier<Map<String, Object>> record) {
		return Stream.generate(record).iterator();
	}

	static long randomId(int upTo) {
		return 1 + ThreadLocalRandom.current().nextInt(upTo);
	}

}
