package dev.loomflux.netty;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link ReadAfterAnswers} on every HTTP/1.1 connection of a Reactor Netty server,
 * right after Netty's HTTP codec, so that a kept-alive connection always reads its next
 * request (see that class for the Reactor Netty bug it works around).
 */
@AutoConfiguration
@ConditionalOnClass(HttpServer.class)
public class KeepAliveReadAutoConfiguration {

	@Bean
	NettyServerCustomizer keepAliveRead() {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "loomflux.keepAliveRead", new ReadAfterAnswers());
			}
		});
	}

}
