package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.CatalogContract;

/** test-support's {@link CatalogContract}, run against this service. */
class CatalogContractTest extends CatalogContract {

}
