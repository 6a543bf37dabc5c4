package dev.loomflux.floor;

import dev.loomflux.testsupport.LazyLogMessagesContract;

/**
 * floor-reactive's class path logs through SLF4J's Commons Logging bridge, which renders
 * no message below its level.
 */
class LazyLogMessagesTest extends LazyLogMessagesContract {

}
