package com.corpbank.portal.support.indexuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * One index as MongoDB would hold it: its collection, name and keys in order. Keys of a text, hashed or geo index
 * carry direction 0: they serve no sort.
 */
public record DeclaredIndex(String collection, String name, List<Key> keys, boolean unique, boolean text) {

	/** The index every collection has. */
	public static DeclaredIndex id(String collection) {
		return new DeclaredIndex(collection, "_id_", List.of(new Key("_id", 1)), true, false);
	}

	public record Key(String field, int direction) {

		@Override
		public String toString() {
			return this.field + ":" + this.direction;
		}

	}

	/** From an index document of a {@code createIndexes} command ({@code key}, {@code name}, {@code unique}). */
	public static DeclaredIndex fromCommand(String collection, BsonDocument spec) {
		BsonDocument keyDocument = spec.getDocument("key");
		List<Key> keys = new ArrayList<>();
		boolean text = false;
		for (Map.Entry<String, BsonValue> key : keyDocument.entrySet()) {
			BsonValue value = key.getValue();
			if (value.isNumber()) {
				keys.add(new Key(key.getKey(), value.asNumber().intValue() < 0 ? -1 : 1));
			}
			else {
				text |= value.isString() && "text".equals(value.asString().getValue());
				keys.add(new Key(key.getKey(), 0));
			}
		}
		String name = spec.containsKey("name") ? spec.getString("name").getValue() : keyDocument.toJson();
		boolean unique = spec.containsKey("unique") && spec.get("unique").isBoolean()
				&& spec.getBoolean("unique").getValue();
		return new DeclaredIndex(collection, name, List.copyOf(keys), unique, text);
	}

	/** From a Spring Data index definition ({@code CollectionIndexes}, {@code @Indexed}, {@code @CompoundIndex}). */
	public static DeclaredIndex fromDefinition(String collection, Document keys, Document options) {
		BsonDocument spec = new BsonDocument("key", keys.toBsonDocument());
		options.toBsonDocument().forEach(spec::put);
		return fromCommand(collection, spec);
	}

	@Override
	public String toString() {
		return this.name + " " + this.keys;
	}

}
