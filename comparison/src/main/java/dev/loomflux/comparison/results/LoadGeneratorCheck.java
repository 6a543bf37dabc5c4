package dev.loomflux.comparison.results;

/**
 * Whether the load generator, not the service, could have been the limit of a step: the
 * requests it planned against those it sent, how late it sent them and how busy its own
 * CPU was. Any figure it could not measure is null.
 *
 * @param planned requests the step's schedule asked for
 * @param sent requests that went out during the step
 * @param sendLatenessP99Ms p99 of (actual send time - intended send time)
 * @param cpuShare the load generator's busy share of its cores over the step (0..1)
 * @param problem why the step is not a measurement of the service, null when it is
 */
public record LoadGeneratorCheck(Long planned, Long sent, Double sendLatenessP99Ms, Double cpuShare, String problem) {
}
