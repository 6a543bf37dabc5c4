package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.RedisUnavailableContract;

/** test-support's {@link RedisUnavailableContract}, run against this service. */
class RedisUnavailableContractTest extends RedisUnavailableContract {

}
