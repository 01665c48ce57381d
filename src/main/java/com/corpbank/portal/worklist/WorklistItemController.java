package com.corpbank.portal.worklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.corpbank.portal.access.CallerScopes;
import com.corpbank.portal.audit.Actor;
import com.corpbank.portal.client.Client;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.stereotype.Controller;

/**
 * {@code WorklistItem.client}, batched: a page of 50 items asking for their clients costs one find, not 50 (the N+1
 * problem); {@code WorklistBatchingTests} counts the commands.
 */
@Controller
class WorklistItemController {

	private final CallerScopes callerScopes;

	private final MongoTemplate mongoTemplate;

	WorklistItemController(CallerScopes callerScopes, MongoTemplate mongoTemplate) {
		this.callerScopes = callerScopes;
		this.mongoTemplate = mongoTemplate;
	}

	/** The items' clients in one find, in the caller's client scope (an item's client is in it by construction). */
	@BatchMapping(typeName = "WorklistItem")
	Map<WorklistItem, Client> client(List<WorklistItem> items, @ContextValue Actor actor) {
		Set<String> ids = items.stream().map(WorklistItem::clientId).collect(Collectors.toSet());
		Map<String, Client> byId = new HashMap<>();
		for (Client client : this.mongoTemplate.find(
				new Query(this.callerScopes.clientScope(actor.caller()).and(Criteria.where("_id").in(ids))),
				Client.class)) {
			byId.put(client.id(), client);
		}
		Map<WorklistItem, Client> result = new HashMap<>();
		for (WorklistItem item : items) {
			Client client = byId.get(item.clientId());
			if (client != null) {
				result.put(item, client);
			}
		}
		return result;
	}

}
