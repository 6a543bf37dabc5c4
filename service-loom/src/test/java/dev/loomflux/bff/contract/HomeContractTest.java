package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.HomeContract;

/** test-support's {@link HomeContract}, run against this service. */
class HomeContractTest extends HomeContract {

}
