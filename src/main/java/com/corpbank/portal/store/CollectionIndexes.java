package com.corpbank.portal.store;

import java.util.List;

import org.springframework.data.mongodb.core.index.Index;

/** The indexes one feature's queries need; each feature declares its own as a bean. */
public interface CollectionIndexes {

	String collection();

	List<Index> indexes();

}
