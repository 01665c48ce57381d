package com.corpbank.portal.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Records every command the driver sends, so tests can count round trips per request. Commands sent from the
 * service's scheduler threads (Boot's {@code scheduling-*}: e.g. the live notifications' poll every second) are not
 * the code under test and are left out; tests that count a sweep or a job call it on their own thread.
 */
public class MongoCommandCounter implements CommandListener {

	private static final String SCHEDULER_THREADS = "scheduling-";

	private final List<String> commands = new CopyOnWriteArrayList<>();

	private final List<Command> targeted = new CopyOnWriteArrayList<>();

	/** A command and the collection it names (null for commands that name none, e.g. a handshake). */
	public record Command(String name, @Nullable String collection) {
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		// The listener runs on the thread that sends the command.
		if (Thread.currentThread().getName().startsWith(SCHEDULER_THREADS)) {
			return;
		}
		this.commands.add(event.getCommandName());
		BsonValue target = event.getCommand().get(event.getCommandName());
		this.targeted.add(new Command(event.getCommandName(),
				(target != null && target.isString()) ? target.asString().getValue() : null));
	}

	public void reset() {
		this.commands.clear();
		this.targeted.clear();
	}

	/** Every command since the last reset with the collection it names. */
	public List<Command> commandsWithTarget() {
		return List.copyOf(this.targeted);
	}

	/** Commands that read or write data (find, aggregate, count, ...), leaving out handshakes and pings. */
	public List<String> dataCommands() {
		return this.commands.stream()
			.filter(name -> !List.of("hello", "isMaster", "ismaster", "ping", "buildInfo", "endSessions")
				.contains(name))
			.toList();
	}

}
