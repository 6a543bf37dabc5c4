package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.ErrorContract;

/** test-support's {@link ErrorContract}, run against this service. */
class ErrorContractTest extends ErrorContract {

}
