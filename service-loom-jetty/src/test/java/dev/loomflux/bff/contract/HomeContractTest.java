package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.HomeContract;

/**
 * test-support's {@link HomeContract}, run against service-loom's code on Jetty: one of
 * the paths the loom-jetty variant is measured on.
 */
class HomeContractTest extends HomeContract {

}
