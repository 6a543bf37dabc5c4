package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.InsightsContract;

/** test-support's {@link InsightsContract}, run against this service. */
class InsightsContractTest extends InsightsContract {

}
