package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.RateLimitContract;

/** test-support's {@link RateLimitContract}, run against this service. */
class RateLimitContractTest extends RateLimitContract {

}
