package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.contract.CustomerScopeContract;

/** test-support's {@link CustomerScopeContract}, run against this service. */
class CustomerScopeContractTest extends CustomerScopeContract {

}
