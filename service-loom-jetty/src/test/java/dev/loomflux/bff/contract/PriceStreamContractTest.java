package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.PriceStreamContract;

/**
 * test-support's {@link PriceStreamContract}, run against service-loom's code on Jetty:
 * one of the paths the loom-jetty variant is measured on.
 */
class PriceStreamContractTest extends PriceStreamContract {

}
