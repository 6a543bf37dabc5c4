package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.CartContract;

/** test-support's {@link CartContract}, run against this service. */
class CartContractTest extends CartContract {

}
