package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.KeepAliveContract;

/** test-support's {@link KeepAliveContract}, run against this service. */
class KeepAliveContractTest extends KeepAliveContract {

}
