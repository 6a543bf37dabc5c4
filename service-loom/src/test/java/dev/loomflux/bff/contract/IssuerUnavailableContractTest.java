package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.IssuerUnavailableContract;

/** test-support's {@link IssuerUnavailableContract}, run against this service. */
class IssuerUnavailableContractTest extends IssuerUnavailableContract {

}
