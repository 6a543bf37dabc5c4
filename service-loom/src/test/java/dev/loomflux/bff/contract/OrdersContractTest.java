package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.OrdersContract;

/** test-support's {@link OrdersContract}, run against this service. */
class OrdersContractTest extends OrdersContract {

}
