package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.LimitsContract;

/** test-support's {@link LimitsContract}, run against this service. */
class LimitsContractTest extends LimitsContract {

}
