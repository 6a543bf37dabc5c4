package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.PriceStreamContract;

/** test-support's {@link PriceStreamContract}, run against this service. */
class PriceStreamContractTest extends PriceStreamContract {

}
