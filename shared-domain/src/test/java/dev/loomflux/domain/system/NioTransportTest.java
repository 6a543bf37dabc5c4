package dev.loomflux.domain.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NioTransportTest {

	private String reactorNetty;

	private String lettuce;

	@BeforeEach
	void remember() {
		this.reactorNetty = System.clearProperty(NioTransport.REACTOR_NETTY_NATIVE);
		this.lettuce = System.clearProperty(NioTransport.LETTUCE_EPOLL);
	}

	@AfterEach
	void restore() {
		restore(NioTransport.REACTOR_NETTY_NATIVE, this.reactorNetty);
		restore(NioTransport.LETTUCE_EPOLL, this.lettuce);
	}

	@Test
	void shouldTurnOffBothNativeTransports() {
		NioTransport.prefer();

		assertThat(System.getProperty("reactor.netty.native")).isEqualTo("false");
		assertThat(System.getProperty("io.lettuce.core.epoll")).isEqualTo("false");
	}

	@Test
	void shouldLeaveAPropertyGivenOnTheCommandLine() {
		System.setProperty("reactor.netty.native", "true");

		NioTransport.prefer();

		assertThat(System.getProperty("reactor.netty.native")).isEqualTo("true");
		assertThat(System.getProperty("io.lettuce.core.epoll")).isEqualTo("false");
	}

	private static void restore(String property, String value) {
		if (value == null) {
			System.clearProperty(property);
		}
		else {
			System.setProperty(property, value);
		}
	}

}
