package com.corpbank.portal.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.corpbank.portal.support.PortalTest;
import com.corpbank.portal.support.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user holds at most {@code portal.notifications.max-connections-per-user} (default 5) live connections per
 * instance: one more is closed with 4429; other users are not affected, and closing one makes room again.
 */
@PortalTest
class WorklistEventConnectionLimitTests {

	@LocalServerPort
	int port;

	@Autowired
	NotificationProperties properties;

	private final List<GraphQlSocket> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() throws Exception {
		for (GraphQlSocket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void oneConnectionMoreThanTheLimitIsClosedWith4429AndClosingOneMakesRoom() throws Exception {
		assertThat(this.properties.maxConnectionsPerUser()).isEqualTo(5);
		TestIdentityProvider idp = TestIdentityProvider.get();
		List<GraphQlSocket> li = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			li.add(keep(GraphQlSocket.signedIn(this.port, idp.token("rm_li"))));
		}

		GraphQlSocket sixth = keep(GraphQlSocket.open(this.port));
		sixth.init(Map.of("Authorization", "Bearer " + idp.token("rm_li")));
		CloseStatus status = sixth.awaitClose(GraphQlSocket.WAIT);
		assertThat(status.getCode()).isEqualTo(4429);

		// Another user is not affected.
		keep(GraphQlSocket.signedIn(this.port, idp.token("rm_zhang")));

		li.get(0).close();
		li.get(0).awaitClose(GraphQlSocket.WAIT);
		// The server learns of the close asynchronously.
		Thread.sleep(1000);
		assertThat(keep(GraphQlSocket.signedIn(this.port, idp.token("rm_li"))).isOpen())
			.as("a sixth connection after one of five closed").isTrue();
	}

	private GraphQlSocket keep(GraphQlSocket socket) {
		this.sockets.add(socket);
		return socket;
	}

}
