package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.CircuitBreakerContract;

/** test-support's {@link CircuitBreakerContract}, run against this service. */
class CircuitBreakerContractTest extends CircuitBreakerContract {

}
