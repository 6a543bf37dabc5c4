package dev.loomflux.bff.system;

import dev.loomflux.testsupport.LazyLogMessagesContract;

/**
 * service-reactive's class path logs through SLF4J's Commons Logging bridge, which
 * renders no message below its level.
 */
class LazyLogMessagesTest extends LazyLogMessagesContract {

}
