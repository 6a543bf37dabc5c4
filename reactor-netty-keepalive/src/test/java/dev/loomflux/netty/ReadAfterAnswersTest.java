package dev.loomflux.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link ReadAfterAnswers} asks for a read: after the last answer, not before, on a
 * channel that reads on demand as Reactor Netty's does.
 */
class ReadAfterAnswersTest {

	private final ReadsAsked reads = new ReadsAsked();

	private EmbeddedChannel channel;

	@BeforeEach
	void connect() {
		this.channel = new EmbeddedChannel();
		this.channel.config().setAutoRead(false);
		this.channel.pipeline().addLast(this.reads, new ReadAfterAnswers());
	}

	@Test
	void shouldReadOnceTheOnlyRequestIsAnswered() {
		this.channel.writeInbound(request("/a"));

		answer(HttpResponseStatus.BAD_REQUEST);

		assertThat(this.reads.count).isEqualTo(1);
	}

	@Test
	void shouldNotReadWhileAQueuedRequestWaitsForItsAnswer() {
		this.channel.writeInbound(request("/a"), request("/b"));

		answer(HttpResponseStatus.OK);
		assertThat(this.reads.count).isZero();

		answer(HttpResponseStatus.BAD_REQUEST);
		assertThat(this.reads.count).isEqualTo(1);
	}

	@Test
	void shouldNotTakeA100ContinueForTheAnswer() {
		this.channel.writeInbound(request("/a"));

		answer(HttpResponseStatus.CONTINUE);
		assertThat(this.reads.count).isZero();

		answer(HttpResponseStatus.CREATED);
		assertThat(this.reads.count).isEqualTo(1);
	}

	@Test
	void shouldCountAnAnswerWrittenInPartsOnceItsLastPartIsWritten() {
		this.channel.writeInbound(request("/a"));

		this.channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		this.channel.runPendingTasks();
		assertThat(this.reads.count).isZero();

		this.channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
		this.channel.runPendingTasks();
		assertThat(this.reads.count).isEqualTo(1);
	}

	@Test
	void shouldNotReadAfterAnAnswerThatCouldNotBeWritten() {
		this.channel.writeInbound(request("/a"));
		// not flushed: closing the channel fails the write
		this.channel.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		this.channel.close();

		this.channel.runPendingTasks();

		assertThat(this.reads.count).isZero();
	}

	private void answer(HttpResponseStatus status) {
		this.channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status));
		this.channel.runPendingTasks();
	}

	private static DefaultFullHttpRequest request(String uri) {
		return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
	}

	/** Counts the reads asked of the channel from above it. */
	private static final class ReadsAsked extends ChannelOutboundHandlerAdapter {

		private int count;

		@Override
		public void read(ChannelHandlerContext ctx) {
			this.count++;
			ctx.read();
		}

	}

}
