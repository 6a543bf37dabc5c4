package dev.loomflux.comparison.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.loomflux.comparison.results.Calibration;
import dev.loomflux.launcher.JavaProcess;

/**
 * What one trip through this machine's kernel costs, measured before anything else runs
 * and again after the last variant: a 64-byte message sent over a loopback TCP connection
 * and sent back, with blocking Java sockets, timed over many round trips. Every request
 * of a run takes that path twice (the load generator to the service, the service to
 * PostgreSQL, Redis or the stub), so this is what tells two machines apart that the CPU
 * model does not: two 2-core VMs of the same kind gave knees several times apart, and the
 * slower of them (an AMD EPYC VM) took 20 µs per round trip on one CPU and 34 µs across
 * two in a C program. Steal does not show it: it is the guest's own CPU time, spent in a
 * slower kernel path.
 * <p>
 * Two figures: within the harness's CPU(s) (a thread of this JVM echoes, so each round
 * trip also switches between two threads on one CPU when the load has one), and from
 * there to the service's CPU(s) (a {@link LoopbackEcho} process pinned there, so each
 * round trip also wakes a task on another CPU, as every request of a run does). Each is
 * the median of {@value #BATCHES} batches of {@value #ROUND_TRIPS_PER_BATCH} round trips,
 * after {@value #WARMUP_ROUND_TRIPS} that are not counted (the JIT compiles the loop).
 */
public final class KernelPath {

	static final int MESSAGE_BYTES = 64;

	static final int WARMUP_ROUND_TRIPS = 20_000;

	static final int BATCHES = 5;

	static final int ROUND_TRIPS_PER_BATCH = 4_000;

	private static final Duration ECHO_START = Duration.ofSeconds(30);

	private KernelPath() {
	}

	/**
	 * Both figures, and what the machine says about its virtualization.
	 * @param serviceCpus where the far end runs (taskset list); null when nothing is
	 * pinned (then the second figure is between two unpinned processes)
	 * @param logs where the echo process's output goes
	 */
	public static Calibration measure(String serviceCpus, Path logs) throws IOException, InterruptedException {
		Double within = withinThisProcess();
		Double across = acrossToProcessOn(serviceCpus, logs);
		return new Calibration(within, across, hypervisor());
	}

	/**
	 * The first figure alone, for services that run elsewhere (their CPUs are not this
	 * machine's).
	 */
	public static Calibration withinOnly() throws IOException, InterruptedException {
		return new Calibration(withinThisProcess(), null, hypervisor());
	}

	/** µs per round trip to a thread of this JVM. */
	static Double withinThisProcess() throws IOException, InterruptedException {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread echo = Thread.ofPlatform().daemon().name("loopback-echo").start(() -> {
				try (Socket socket = server.accept()) {
					LoopbackEcho.echo(socket);
				}
				catch (IOException ended) {
					// the measuring side closed
				}
			});
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
				return roundTripMicros(socket);
			}
			finally {
				echo.join(Duration.ofSeconds(5));
			}
		}
	}

	/** µs per round trip to a {@link LoopbackEcho} process on {@code cpus}. */
	static Double acrossToProcessOn(String cpus, Path logs) throws IOException, InterruptedException {
		Path log = logs.resolve("loopback-echo.log");
		try (JavaProcess echo = JavaProcess.start("loopback echo", cpus,
				List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"), LoopbackEcho.class.getName()),
				java.util.Map.of(), log)) {
			int port = awaitPort(echo, log);
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return roundTripMicros(socket);
			}
		}
	}

	private static int awaitPort(JavaProcess echo, Path log) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + ECHO_START.toNanos();
		while (System.nanoTime() < deadline && echo.isAlive()) {
			Optional<String> line = Files.exists(log)
					? Files.readAllLines(log).stream().filter((l) -> l.startsWith("port ")).findFirst()
					: Optional.empty();
			if (line.isPresent()) {
				return Integer.parseInt(line.get().substring("port ".length()).strip());
			}
			Thread.sleep(20);
		}
		throw new IOException("the loopback echo did not say its port; see " + log);
	}

	/** The median batch's µs per round trip. */
	static double roundTripMicros(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		InputStream in = socket.getInputStream();
		OutputStream out = socket.getOutputStream();
		byte[] message = new byte[MESSAGE_BYTES];
		for (int i = 0; i < WARMUP_ROUND_TRIPS; i++) {
			roundTrip(in, out, message);
		}
		List<Double> batches = new ArrayList<>();
		for (int batch = 0; batch < BATCHES; batch++) {
			long start = System.nanoTime();
			for (int i = 0; i < ROUND_TRIPS_PER_BATCH; i++) {
				roundTrip(in, out, message);
			}
			batches.add((System.nanoTime() - start) / 1000.0 / ROUND_TRIPS_PER_BATCH);
		}
		Collections.sort(batches);
		return batches.get(BATCHES / 2);
	}

	private static void roundTrip(InputStream in, OutputStream out, byte[] message) throws IOException {
		out.write(message);
		if (in.readNBytes(message, 0, message.length) != message.length) {
			throw new IOException("the echo closed the connection");
		}
	}

	/** Whether the CPU says it runs under a hypervisor (the {@code hypervisor} flag). */
	static Boolean hypervisor() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("flags"))
				.findFirst()
				.map((line) -> List.of(line.substring(line.indexOf(':') + 1).strip().split(" ")).contains("hypervisor"))
				.orElse(null);
		}
		catch (IOException notLinux) {
			return null;
		}
	}

}
