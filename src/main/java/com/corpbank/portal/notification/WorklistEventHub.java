package com.corpbank.portal.notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.access.PermissionModel;
import com.corpbank.portal.security.Caller;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * This instance's subscribers of {@code worklistEvents}, and the fan-out of each poll's events to them. Scope is
 * checked in the store at delivery time, as the clients are NOW (so after a handover the old RM gets nothing more
 * about the client): one aggregation per poll over the events' clients, with a {@code $facet} per distinct subscriber
 * scope, whatever the number of events and subscribers.
 */
@Component
class WorklistEventHub {

	static final String COORDINATE = "Subscription.worklistEvents";

	private static final Logger log = LoggerFactory.getLogger(WorklistEventHub.class);

	/**
	 * Events held for one subscriber that has not read them yet (a stalled or slow client). Beyond this the newest are
	 * dropped for that subscriber alone: an event only says "reload the worklist", and the worklist query is the state.
	 */
	static final int BUFFER = 256;

	/** The facet key of a scope that sees every client. */
	private static final String EVERY_CLIENT = "*";

	private record Subscriber(Caller caller, Sinks.Many<WorklistEvent> sink) {
	}

	private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final PermissionModel permissions;

	private final MongoTemplate mongoTemplate;

	WorklistEventHub(PermissionModel permissions, MongoTemplate mongoTemplate) {
		this.permissions = permissions;
		this.mongoTemplate = mongoTemplate;
	}

	/** The caller's stream of events, from now on, until they cancel (or their connection closes). */
	Flux<WorklistEvent> subscribe(Caller caller) {
		long id = this.ids.incrementAndGet();
		Sinks.Many<WorklistEvent> sink = Sinks.many().unicast()
			.onBackpressureBuffer(Queues.<WorklistEvent>get(BUFFER).get());
		return sink.asFlux()
			.doOnSubscribe(subscription -> this.subscribers.put(id, new Subscriber(caller, sink)))
			.doFinally(signal -> this.subscribers.remove(id));
	}

	int subscriberCount() {
		return this.subscribers.size();
	}

	/** Pushes each event to the subscribers who have its client in scope now; events keep their order. */
	void deliver(List<WorklistEvent> events) {
		if (events.isEmpty() || this.subscribers.isEmpty()) {
			return;
		}
		Map<Object, List<Subscriber>> byScope = new LinkedHashMap<>();
		for (Subscriber subscriber : List.copyOf(this.subscribers.values())) {
			try {
				ClientScope scope = this.permissions.scopeFor(subscriber.caller(), COORDINATE);
				Object key = (scope.restriction() != null) ? scope.restriction().getCriteriaObject() : EVERY_CLIENT;
				byScope.computeIfAbsent(key, k -> new ArrayList<>()).add(subscriber);
			}
			catch (RuntimeException ex) {
				log.warn("Scope of a subscriber could not be resolved; its events of this poll are skipped: {}",
						ex.getClass().getSimpleName());
			}
		}
		if (byScope.isEmpty()) {
			return;
		}
		Set<String> clientIds = new LinkedHashSet<>();
		events.forEach(event -> clientIds.add(event.clientId()));
		List<Set<String>> visible = visibleClients(clientIds, new ArrayList<>(byScope.keySet()));
		int index = 0;
		for (List<Subscriber> group : byScope.values()) {
			Set<String> inScope = visible.get(index++);
			for (WorklistEvent event : events) {
				if (inScope.contains(event.clientId())) {
					group.forEach(subscriber -> emit(subscriber, event));
				}
			}
		}
	}

	private static void emit(Subscriber subscriber, WorklistEvent event) {
		Sinks.EmitResult result = subscriber.sink().tryEmitNext(event);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			log.debug("Subscriber {} has {} unread events; {} dropped for it", subscriber.caller().username(), BUFFER,
					event.id());
		}
	}

	/** For each scope key, which of the clients it has in scope: one aggregation, a facet per scope. */
	private List<Set<String>> visibleClients(Set<String> clientIds, List<Object> scopeKeys) {
		Document facets = new Document();
		for (int i = 0; i < scopeKeys.size(); i++) {
			List<Document> stages = new ArrayList<>();
			if (scopeKeys.get(i) instanceof Document restriction) {
				stages.add(new Document("$match", restriction));
			}
			stages.add(new Document("$project", new Document("_id", 1)));
			facets.put("s" + i, stages);
		}
		List<Document> pipeline = List.of(
				new Document("$match", new Document("_id", new Document("$in", new ArrayList<>(clientIds)))),
				new Document("$facet", facets));
		Document result = this.mongoTemplate.getCollection("clients").aggregate(pipeline).first();
		List<Set<String>> visible = new ArrayList<>();
		for (int i = 0; i < scopeKeys.size(); i++) {
			Set<String> ids = new HashSet<>();
			if (result != null) {
				for (Document client : result.getList("s" + i, Document.class, List.of())) {
					ids.add(String.valueOf(client.get("_id")));
				}
			}
			visible.add(ids);
		}
		return visible;
	}

}
