package dev.loomflux.floor;

import dev.loomflux.testsupport.FloorContract;

import org.springframework.boot.test.context.SpringBootTest;

/** The floor contract against this floor, on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FloorApplicationTest extends FloorContract {

}
