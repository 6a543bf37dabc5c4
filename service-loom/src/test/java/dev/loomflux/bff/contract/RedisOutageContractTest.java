package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.RedisOutageContract;

/** test-support's {@link RedisOutageContract}, run against this service. */
class RedisOutageContractTest extends RedisOutageContract {

}
