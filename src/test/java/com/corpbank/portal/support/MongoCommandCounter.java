package com.corpbank.portal.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** Records every command the driver sends, so tests can count round trips per request. */
public class MongoCommandCounter implements CommandListener {

	private final List<String> commands = new CopyOnWriteArrayList<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		this.commands.add(event.getCommandName());
	}

	public void reset() {
		this.commands.clear();
	}

	/** Commands that read or write data (find, aggregate, count, ...), leaving out handshakes and pings. */
	public List<String> dataCommands() {
		return this.commands.stream()
			.filter(name -> !List.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "endSessions")
				.contains(name))
			.toList();
	}

}
