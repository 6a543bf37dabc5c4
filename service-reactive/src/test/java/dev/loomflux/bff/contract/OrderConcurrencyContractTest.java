package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.OrderConcurrencyContract;

/** test-support's {@link OrderConcurrencyContract}, run against this service. */
class OrderConcurrencyContractTest extends OrderConcurrencyContract {

}
