package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.ExposureContract;

/** test-support's {@link ExposureContract}, run against this service. */
class ExposureContractTest extends ExposureContract {

}
