package com.corpbank.portal.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates every declared index at start-up, before anything reads or seeds, on either store.
 * {@code createIndex} is idempotent, so a restart against an existing store is harmless.
 */
@Component
class IndexCreator implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(IndexCreator.class);

	private final MongoTemplate mongoTemplate;

	private final List<CollectionIndexes> declarations;

	IndexCreator(MongoTemplate mongoTemplate, List<CollectionIndexes> declarations) {
		this.mongoTemplate = mongoTemplate;
		this.declarations = declarations;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int count = 0;
		for (CollectionIndexes declaration : this.declarations) {
			for (Index index : declaration.indexes()) {
				this.mongoTemplate.indexOps(declaration.collection()).createIndex(index);
				count++;
			}
		}
		log.info("Ensured {} indexes on {} collections", count, this.declarations.size());
	}

}
