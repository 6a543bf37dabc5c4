package dev.loomflux.bff;

import dev.loomflux.testsupport.LazyLogMessagesContract;

/**
 * service-loom-jetty's class path logs through SLF4J's Commons Logging bridge, which
 * renders no message below its level.
 */
class LazyLogMessagesTest extends LazyLogMessagesContract {

}
