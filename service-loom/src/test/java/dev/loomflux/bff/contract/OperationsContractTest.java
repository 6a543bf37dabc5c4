package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.OperationsContract;

/** test-support's {@link OperationsContract}, run against this service. */
class OperationsContractTest extends OperationsContract {

}
