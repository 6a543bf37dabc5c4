package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.DatabasePoolContract;

/** test-support's {@link DatabasePoolContract}, run against this service. */
class DatabasePoolContractTest extends DatabasePoolContract {

}
