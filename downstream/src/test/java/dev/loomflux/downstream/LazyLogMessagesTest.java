package dev.loomflux.downstream;

import dev.loomflux.testsupport.LazyLogMessagesContract;

/**
 * The stub's class path logs through SLF4J's Commons Logging bridge, which renders no
 * message below its level.
 */
class LazyLogMessagesTest extends LazyLogMessagesContract {

}
