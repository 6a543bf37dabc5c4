package dev.loomflux.floor;

import dev.loomflux.testsupport.LazyLogMessagesContract;

/**
 * This floor's class path (floor-loom's, and floor-loom-jetty's, which runs floor-loom's
 * tests) logs through SLF4J's Commons Logging bridge, which renders no message below its
 * level.
 */
class LazyLogMessagesTest extends LazyLogMessagesContract {

}
