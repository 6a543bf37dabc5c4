package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.PostgresOutageContract;

/** test-support's {@link PostgresOutageContract}, run against this service. */
class PostgresOutageContractTest extends PostgresOutageContract {

}
