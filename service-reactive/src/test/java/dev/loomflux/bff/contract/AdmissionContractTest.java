package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.AdmissionContract;

/** test-support's {@link AdmissionContract}, run against this service. */
class AdmissionContractTest extends AdmissionContract {

}
