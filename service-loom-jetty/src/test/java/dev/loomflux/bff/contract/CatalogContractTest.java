package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.CatalogContract;

/**
 * test-support's {@link CatalogContract}, run against service-loom's code on Jetty: one
 * of the paths the loom-jetty variant is measured on.
 */
class CatalogContractTest extends CatalogContract {

}
